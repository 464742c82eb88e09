package dev.rpcchat.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.rpcchat.api.Message;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.console.UsageException;
import dev.rpcchat.shell.console.UsageException.Problem;
import dev.rpcchat.shell.session.ChatSession;
import dev.rpcchat.shell.session.LiveMessages;

import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Sending messages, to a room or to one person in it, and fetching new ones.
 */
@Component
class MessageCommands {

	private static final String GROUP = "Messages";

	private final ChatSession session;

	private final LiveMessages live;

	private final MessageRenderer renderer;

	private final Screen screen;

	MessageCommands(ChatSession session, LiveMessages live, MessageRenderer renderer, Screen screen) {
		this.session = session;
		this.live = live;
		this.renderer = renderer;
		this.screen = screen;
	}

	@Command(name = "send", group = GROUP,
			description = "Send a message to the current room, or privately to one person with --to",
			help = "send TEXT... [--to USER] [--room ROOM]", completionProvider = Completions.SEND,
			exitStatusExceptionMapper = ErrorSentences.BEAN_NAME)
	public String send(@Arguments List<String> words,
			@Option(longName = "to", description = "send privately to this user") String to,
			@Option(longName = "room", description = "a joined room other than the current one") String room) {
		String text = String.join(" ", (words != null) ? words : List.of());
		if (text.isBlank()) {
			throw new UsageException(Problem.EMPTY_MESSAGE);
		}
		String user = this.session.username();
		String target = this.session.room(room);
		String recipient = (to == null || to.isBlank()) ? null : to;
		Message sent = this.session.chat().sendMessage(user, target, text, recipient, UUID.randomUUID().toString());
		return this.screen.format(this.renderer.render(sent, user));
	}

	@Command(name = "receive", group = GROUP,
			description = "Fetch new messages now (of one room, or of every joined room)", help = "receive [ROOM]",
			completionProvider = Completions.JOINED_ROOMS, exitStatusExceptionMapper = ErrorSentences.BEAN_NAME)
	public String receive(@Arguments List<String> rooms) {
		String user = this.session.username();
		List<String> targets = (rooms == null || rooms.isEmpty()) ? this.session.joinedRooms()
				: List.of(this.session.room(rooms.get(0)));
		if (targets.isEmpty()) {
			this.session.room(null);
		}
		List<Message> received = new ArrayList<>();
		for (String room : targets) {
			received.addAll(this.live.receiveNow(room));
		}
		if (received.isEmpty()) {
			return "No new messages.";
		}
		return received.stream()
			.map((message) -> this.screen.format(this.renderer.render(message, user)))
			.collect(Collectors.joining("\n"));
	}

}
