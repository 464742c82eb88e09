package dev.rpcchat.shell.command;

import java.util.List;
import java.util.stream.Collectors;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.JoinedRoom;
import dev.rpcchat.api.Room;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.console.TerminalText;
import dev.rpcchat.shell.session.ChatSession;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jspecify.annotations.Nullable;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Creating, listing, joining and leaving rooms.
 */
@Component
class RoomCommands {

	static final String GROUP = "Rooms";

	private final ChatSession session;

	private final MessageRenderer renderer;

	private final Screen screen;

	RoomCommands(ChatSession session, MessageRenderer renderer, Screen screen) {
		this.session = session;
		this.renderer = renderer;
		this.screen = screen;
	}

	@Command(name = "create-room", group = GROUP, description = "Create a room.")
	public String createRoom(@Argument(index = 0, description = "letters, digits, '_', '-' or '.'") String name) {
		this.session.username();
		Room room = this.session.chat().createRoom(name);
		String created = TerminalText.line(room.roomName());
		return this.screen.format("Room #" + created + " created. Join it with `join " + created + "`.");
	}

	@Command(name = "join", group = GROUP,
			description = "Join a room: see who is there and its last messages; it becomes your current room.",
			completionProvider = Completions.ROOMS)
	public String join(@Argument(index = 0, description = "the room to join") String room,
			@Option(longName = "create", description = "create the room first if there is none") boolean create) {
		if (create) {
			createIfMissing(room);
		}
		JoinedRoom joined = this.session.join(room);
		String me = this.session.username();
		AttributedStringBuilder out = new AttributedStringBuilder();
		out.styled(AttributedStyle.BOLD, "Joined #" + TerminalText.line(joined.roomName()))
			.append(" (now your current room). In the room: " + names(joined.users()) + ".");
		if (joined.messages().isEmpty()) {
			out.append("\nNo messages yet.");
		}
		else {
			int count = joined.messages().size();
			out.append((count == 1) ? "\nLast message:" : "\nLast " + count + " messages:");
		}
		joined.messages().forEach((message) -> out.append("\n").append(this.renderer.render(message, me)));
		return this.screen.format(out.toAttributedString());
	}

	@Command(name = "leave", group = GROUP, description = "Leave a room: the current one, unless you name another.",
			completionProvider = Completions.JOINED_ROOMS)
	public String leave(@Argument(index = 0, description = "the room to leave") @Nullable String room) {
		String left = this.session.leave(room);
		String next = this.session.currentRoom()
			.map((current) -> " Current room: #" + TerminalText.line(current) + ".")
			.orElse("");
		return this.screen.format("Left #" + TerminalText.line(left) + "." + next);
	}

	@Command(name = "rooms", group = GROUP,
			description = "List the rooms; yours are marked (joined), the current one (current).")
	public String rooms() {
		List<String> rooms = this.session.chat().listRooms();
		if (rooms.isEmpty()) {
			return "No rooms yet. Create one with `create-room NAME`.";
		}
		return rooms.stream().map(this::roomLine).collect(Collectors.joining("\n"));
	}

	@Command(name = "users", group = GROUP,
			description = "List the people in a room: the current one, unless you name another.",
			completionProvider = Completions.ROOMS)
	public String users(@Argument(index = 0, description = "the room") @Nullable String room) {
		String name = this.session.room(room);
		List<String> users = this.session.chat().listUsers(name);
		if (users.isEmpty()) {
			return this.screen.format("Nobody is in #" + TerminalText.line(name) + ".");
		}
		return this.screen.format("In #" + TerminalText.line(name) + ": " + names(users) + ".");
	}

	private void createIfMissing(String room) {
		this.session.username();
		try {
			this.session.chat().createRoom(room);
		}
		catch (ChatException ex) {
			if (ex.errorCode() != ErrorCode.ROOM_EXISTS) {
				throw ex;
			}
		}
	}

	private String roomLine(String room) {
		boolean current = this.session.currentRoom().filter(room::equalsIgnoreCase).isPresent();
		boolean joined = this.session.isJoined(room);
		String marker = current ? "(current)" : joined ? "(joined)" : "";
		AttributedStyle style = current ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
		return this.screen
			.format(new AttributedString(("  #" + TerminalText.line(room) + " " + marker).stripTrailing(), style));
	}

	private static String names(List<String> names) {
		return names.stream().map(TerminalText::line).collect(Collectors.joining(", "));
	}

}
