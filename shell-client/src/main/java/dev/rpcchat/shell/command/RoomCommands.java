package dev.rpcchat.shell.command;

import java.util.List;
import java.util.stream.Collectors;

import dev.rpcchat.api.JoinedRoom;
import dev.rpcchat.api.Room;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.session.ChatSession;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * Creating, listing, joining and leaving rooms.
 */
@Component
class RoomCommands {

	private static final String GROUP = "Rooms";

	private final ChatSession session;

	private final MessageRenderer renderer;

	private final Screen screen;

	RoomCommands(ChatSession session, MessageRenderer renderer, Screen screen) {
		this.session = session;
		this.renderer = renderer;
		this.screen = screen;
	}

	@Command(name = "create-room", group = GROUP, description = "Create a room", help = "create-room NAME",
			exitStatusExceptionMapper = ErrorSentences.BEAN_NAME)
	public String createRoom(@Argument(index = 0, description = "the room's name") String name) {
		this.session.username();
		Room room = this.session.chat().createRoom(name);
		return "Room #" + room.roomName() + " created. Join it with `join " + room.roomName() + "`.";
	}

	@Command(name = "join", group = GROUP,
			description = "Join a room: show who is there and its last messages, and make it the current room",
			help = "join ROOM", completionProvider = Completions.ROOMS,
			exitStatusExceptionMapper = ErrorSentences.BEAN_NAME)
	public String join(@Argument(index = 0, description = "the room to join") String room) {
		JoinedRoom joined = this.session.join(room);
		String me = this.session.username();
		AttributedStringBuilder out = new AttributedStringBuilder();
		out.styled(AttributedStyle.BOLD, "Joined #" + joined.roomName())
			.append(" (now your current room). In the room: " + String.join(", ", joined.users()) + ".");
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

	@Command(name = "leave", group = GROUP, description = "Leave a room (the current one unless named)",
			help = "leave [ROOM]", completionProvider = Completions.JOINED_ROOMS,
			exitStatusExceptionMapper = ErrorSentences.BEAN_NAME)
	public String leave(@Argument(index = 0, description = "the room to leave") String room) {
		String left = this.session.leave(room);
		String next = this.session.currentRoom().map((current) -> " Current room: #" + current + ".").orElse("");
		return "Left #" + left + "." + next;
	}

	@Command(name = "rooms", group = GROUP, description = "List the rooms", help = "rooms",
			exitStatusExceptionMapper = ErrorSentences.BEAN_NAME)
	public String rooms() {
		List<String> rooms = this.session.chat().listRooms();
		if (rooms.isEmpty()) {
			return "No rooms yet. Create one with `create-room NAME`.";
		}
		return rooms.stream().map(this::roomLine).collect(Collectors.joining("\n"));
	}

	@Command(name = "users", group = GROUP, description = "List the users in a room (the current one unless named)",
			help = "users [ROOM]", completionProvider = Completions.ROOMS,
			exitStatusExceptionMapper = ErrorSentences.BEAN_NAME)
	public String users(@Argument(index = 0, description = "the room") String room) {
		String name = this.session.room(room);
		List<String> users = this.session.chat().listUsers(name);
		if (users.isEmpty()) {
			return "Nobody is in #" + name + ".";
		}
		return "In #" + name + ": " + String.join(", ", users) + ".";
	}

	private String roomLine(String room) {
		boolean current = this.session.currentRoom().filter(room::equalsIgnoreCase).isPresent();
		boolean joined = this.session.isJoined(room);
		String marker = current ? "(current)" : joined ? "(joined)" : "";
		AttributedStyle style = current ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
		return this.screen.format(new AttributedString(("  #" + room + " " + marker).stripTrailing(), style));
	}

}
