package dev.rpcchat.shell.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import dev.rpcchat.api.Message;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.springframework.stereotype.Component;

/**
 * Renders a message as one line: time, room, sender, and markers that set private
 * messages, announcements and the person's own messages apart.
 */
@Component
public class MessageRenderer {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

	private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();

	private static final AttributedStyle ROOM = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);

	private static final AttributedStyle SENDER = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);

	private static final AttributedStyle OWN = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);

	private static final AttributedStyle PRIVATE = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

	private static final AttributedStyle SYSTEM = AttributedStyle.DEFAULT.italic().foreground(AttributedStyle.YELLOW);

	private final Clock clock;

	MessageRenderer(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Renders a message as the given user sees it.
	 * @param message the message
	 * @param me the person reading, whose own messages say "you"
	 * @return one styled line
	 */
	public AttributedString render(Message message, String me) {
		AttributedStringBuilder line = new AttributedStringBuilder();
		line.styled(DIM, "[" + time(message) + "] ");
		line.styled(ROOM, "#" + message.roomName() + " ");
		switch (message.type()) {
			case SYSTEM -> line.styled(SYSTEM, "*** " + message.content());
			case UNICAST -> privateMessage(line, message, me);
			case BROADCAST -> line.styled(isMe(message.sender(), me) ? OWN : SENDER, who(message.sender(), me))
				.append(": ")
				.append(message.content());
		}
		return line.toAttributedString();
	}

	private void privateMessage(AttributedStringBuilder line, Message message, String me) {
		line.styled(isMe(message.sender(), me) ? OWN : SENDER, who(message.sender(), me))
			.append(" -> ")
			.styled(isMe(message.recipient(), me) ? OWN : SENDER, who(message.recipient(), me))
			.append(" ")
			.styled(PRIVATE, "[private]")
			.append(": ")
			.styled(PRIVATE, message.content());
	}

	private String who(String name, String me) {
		return isMe(name, me) ? "you" : name;
	}

	private boolean isMe(String name, String me) {
		return name != null && name.equalsIgnoreCase(me);
	}

	private String time(Message message) {
		ZonedDateTime when = message.timestamp().atZone(this.clock.getZone());
		boolean today = when.toLocalDate().equals(LocalDate.now(this.clock));
		return (today ? TIME : DAY_AND_TIME).format(when);
	}

}
