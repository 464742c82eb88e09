package dev.rpcchat.shell.console;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The person's terminal: styled text for command output, and lines printed above the
 * prompt without disturbing what is being typed.
 */
@Component
public class Screen {

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
		lineReader().printAbove(line);
	}

	/**
	 * Turns styled text into what this terminal shows: ANSI colors, or plain text on a
	 * dumb terminal or a pipe.
	 * @param text the styled text
	 * @return the text to print
	 */
	public String format(AttributedString text) {
		return text.toAnsi(terminal());
	}

	public Terminal terminal() {
		return lineReader().getTerminal();
	}

	public LineReader lineReader() {
		return this.lineReader.getObject();
	}

}
