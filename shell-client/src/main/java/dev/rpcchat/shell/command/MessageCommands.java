package dev.rpcchat.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rpcchat.api.Message;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.console.UsageException;
import dev.rpcchat.shell.console.UsageException.Problem;
import dev.rpcchat.shell.session.ChatSession;
import org.jspecify.annotations.Nullable;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Sending messages, to a room or to one person in it, and fetching new ones.
 */
@Component
class MessageCommands {

	static final String GROUP = "Messages";

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
