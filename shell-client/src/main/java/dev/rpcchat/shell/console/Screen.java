package dev.rpcchat.shell.console;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The person's terminal: styled text for command output, and lines printed above the
 * prompt without disturbing what is being typed. Everything passes
 * {@link TerminalText#guard} on its way out.
 */
@Component
public class Screen {

	/** Notices of something that went wrong. */
	public static final AttributedStyle ALARM = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

	/** Notices that something works again. */
	public static final AttributedStyle RELIEF = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);

	private static final Logger logger = LoggerFactory.getLogger(Screen.class);

	private final ObjectProvider<LineReader> lineReader;

	/**
	 * Takes the line reader lazily: it needs the command registry, which needs the
	 * commands, which need this.
	 */
	Screen(ObjectProvider<LineReader> lineReader) {
		this.lineReader = lineReader;
	}

	/**
	 * Prints a line above the prompt; what the person is typing is redrawn below it.
	 * @param line the line to print
	 */
	public void printAbove(AttributedString line) {
		lineReader().printAbove(TerminalText.guard(line));
	}

	/**
	 * Prints a notice above the prompt; a terminal that cannot print it (it is closing)
	 * does not stop the caller, a background thread.
	 * @param sentence the notice
	 * @param style how it looks, such as {@link #ALARM}
	 */
	public void notice(String sentence, AttributedStyle style) {
		try {
			printAbove(new AttributedString(sentence, style));
		}
		catch (RuntimeException | Error ex) {
			logger.debug("Could not print '{}'", sentence, ex);
		}
	}

	/**
	 * Turns styled text into what this terminal shows: ANSI colors, or plain text on a
	 * dumb terminal or a pipe; no received character reaches the terminal raw.
	 * @param text the styled text
	 * @return the text to print
	 */
	public String format(AttributedString text) {
		return TerminalText.guard(text).toAnsi(terminal());
	}

	/**
	 * Plain text as this terminal shows it, guarded like
	 * {@link #format(AttributedString)}.
	 * @param text the text
	 * @return the text to print
	 */
	public String format(String text) {
		return format(new AttributedString(text));
	}

	public Terminal terminal() {
		return lineReader().getTerminal();
	}

	public LineReader lineReader() {
		return this.lineReader.getObject();
	}

}
