package dev.rpcchat.shell.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.rpcchat.api.Message;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.springframework.stereotype.Component;

/**
 * Renders a message: time, room, sender, and markers that set private messages,
 * announcements and the person's own messages apart. Every received text goes through
 * {@link TerminalText}; a message of several lines goes on in lines that start with
 * {@value #CONTINUATION}, which no message line does, so no text can pass for another
 * message.
 */
@Component
public class MessageRenderer {

	/** The margin of a message's second and later lines. */
	public static final String CONTINUATION = "    \u2502 ";

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
	 * @return one styled line, or several for a message of several lines
	 */
	public AttributedString render(Message message, String me) {
		AttributedStringBuilder line = new AttributedStringBuilder();
		line.styled(DIM, "[" + time(message) + "] ");
		line.styled(ROOM, "#" + TerminalText.line(message.roomName()) + " ");
		switch (message.type()) {
			case SYSTEM -> content(line.styled(SYSTEM, "*** "), SYSTEM, message.content());
			case UNICAST -> privateMessage(line, message, me);
			case BROADCAST ->
				content(line.styled(isMe(message.sender(), me) ? OWN : SENDER, who(message.sender(), me)).append(": "),
						AttributedStyle.DEFAULT, message.content());
		}
		return line.toAttributedString();
	}

	private void privateMessage(AttributedStringBuilder line, Message message, String me) {
		line.styled(isMe(message.sender(), me) ? OWN : SENDER, who(message.sender(), me))
			.append(" -> ")
			.styled(isMe(message.recipient(), me) ? OWN : SENDER, who(message.recipient(), me))
			.append(" ")
			.styled(PRIVATE, "[private]")
			.append(": ");
		content(line, PRIVATE, message.content());
	}

	private static AttributedStringBuilder content(AttributedStringBuilder line, AttributedStyle style,
			String content) {
		List<String> lines = TerminalText.lines(content);
		line.styled(style, lines.get(0));
		for (String next : lines.subList(1, lines.size())) {
			line.append("\n").styled(DIM, CONTINUATION).styled(style, next);
		}
		return line;
	}

	private String who(String name, String me) {
		return isMe(name, me) ? "you" : TerminalText.line(name);
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
