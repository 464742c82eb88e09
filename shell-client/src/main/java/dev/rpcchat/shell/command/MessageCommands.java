package dev.rpcchat.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rpcchat.api.History;
import dev.rpcchat.api.Message;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.console.TerminalText;
import dev.rpcchat.shell.console.UsageException;
import dev.rpcchat.shell.console.UsageException.Problem;
import dev.rpcchat.shell.session.ChatSession;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jspecify.annotations.Nullable;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Sending messages, to a room or to one person in it, fetching new ones, and paging
 * through older ones.
 */
@Component
class MessageCommands {

	static final String GROUP = "Messages";

	private static final int HISTORY_DEFAULT = 50;

	private static final int HISTORY_MAX = 100;

	private final ChatSession session;

	private final MessageRenderer renderer;

	private final Screen screen;

	MessageCommands(ChatSession session, MessageRenderer renderer, Screen screen) {
		this.session = session;
		this.renderer = renderer;
		this.screen = screen;
	}

	@Command(name = "send", group = GROUP,
			description = "Send a message to the current room, or privately to one person in it with --to.",
			completionProvider = Completions.SEND)
	public String send(
			@Arguments @ArgumentsHelp("the message, every word of it; after -- even words "
					+ "that start with -- are text (send -- --help me)") List<String> text,
			@Option(longName = "to",
					description = "send privately to this person, who must be in the room") String user,
			@Option(longName = "room",
					description = "send to this joined room instead of the current one") String room) {
		String message = String.join(" ", (text != null) ? text : List.of());
		if (message.isBlank()) {
			throw new UsageException(Problem.EMPTY_MESSAGE);
		}
		String me = this.session.username();
		String target = this.session.room(room);
		String recipient = (user == null || user.isBlank()) ? null : user;
		Message sent = this.session.chat().sendMessage(me, target, message, recipient, UUID.randomUUID().toString());
		return this.screen.format(this.renderer.render(sent, me));
	}

	@Command(name = "history", group = GROUP,
			description = "Show older messages of a joined room, a page at a time, the newest page first.",
			completionProvider = Completions.JOINED_ROOMS)
	public String history(
			@Argument(index = 0, description = "the joined room (the current one if none)") @Nullable String room,
			@Option(longName = "before",
					description = "only messages older than this message id (the line after a page names it)") String id,
			@Option(longName = "limit", description = "how many messages, 1 to " + HISTORY_MAX + " (default "
					+ HISTORY_DEFAULT + ")") String n) {
		Long before = wholeNumber("--before", id, 1, Long.MAX_VALUE, "a message id, such as --before 120");
		Long limit = wholeNumber("--limit", n, 1, HISTORY_MAX, "1 to " + HISTORY_MAX + ", such as --limit 20");
		String me = this.session.username();
		String target = this.session.room(room);
		History page = this.session.chat().getHistory(target, before, (limit != null) ? limit.intValue() : null);
		String name = TerminalText.line(page.roomName());
		AttributedStringBuilder out = new AttributedStringBuilder();
		page.messages().forEach((message) -> out.append(this.renderer.render(message, me)).append("\n"));
		if (page.hasMore() && !page.messages().isEmpty()) {
			String older = "history " + name + " --before " + page.messages().getFirst().id()
					+ ((limit != null) ? " --limit " + limit : "");
			out.styled(AttributedStyle.DEFAULT.faint(), "Older: ").styled(AttributedStyle.BOLD, older);
		}
		else if (page.messages().isEmpty()) {
			out.append((before != null) ? "No messages in #" + name + " before " + before + "."
					: "No messages in #" + name + " yet.");
		}
		else {
			out.styled(AttributedStyle.DEFAULT.faint(), "No older messages in #" + name + ".");
		}
		return this.screen.format(out.toAttributedString());
	}

	/**
	 * Reads an option's value as a whole number within bounds.
	 * @return the number, or {@code null} when the option was not given
	 */
	private static Long wholeNumber(String option, String value, long min, long max, String expected) {
		if (value == null) {
			return null;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// said below, as for a number out of bounds
		}
		throw new IllegalArgumentException(option + " takes " + expected + ", not '" + TerminalText.line(value) + "'.");
	}

	@Command(name = "receive", group = GROUP,
			description = "Fetch new messages now, of every joined room or of one; they arrive live anyway.",
			completionProvider = Completions.JOINED_ROOMS)
	public String receive(@Argument(index = 0, description = "only this joined room") @Nullable String room) {
		String me = this.session.username();
		List<String> targets = (room == null || room.isBlank()) ? this.session.joinedRooms()
				: List.of(this.session.room(room));
		if (targets.isEmpty()) {
			this.session.room(null);
		}
		List<Message> received = new ArrayList<>();
		for (String target : targets) {
			received.addAll(this.session.receiveNow(target));
		}
		if (received.isEmpty()) {
			return "No new messages.";
		}
		return received.stream()
			.map((message) -> this.screen.format(this.renderer.render(message, me)))
			.collect(Collectors.joining("\n"));
	}

}
