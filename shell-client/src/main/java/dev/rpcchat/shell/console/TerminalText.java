package dev.rpcchat.shell.console;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Text that came from a server or from another person, made safe to print: no character
 * in it can move the cursor, change colours, clear the screen, reorder what follows or
 * start a line of its own. A client must not trust the server it talks to, so this holds
 * whatever the server lets through.
 * <p>
 * Shown escaped: C0 controls other than tab and newline ({@code \x1b}), DEL
 * ({@code \x7f}), C1 controls ({@code \x9b}), the bidirectional embeddings, overrides and
 * isolates U+202A to U+202E and U+2066 to U+2069 ({@code \u202e}), and the Unicode line
 * and paragraph separators U+2028 and U+2029. A tab becomes spaces up to the next
 * multiple of {@value #TAB_WIDTH} columns. A newline ends a line of a message
 * ({@link #lines}); inside a one-line text such as a name it is shown as {@code \n}.
 */
public final class TerminalText {

	/** Columns between tab stops. */
	public static final int TAB_WIDTH = 8;

	private TerminalText() {
	}

	/**
	 * A text shown on one line, such as a name or an error sentence.
	 * @param text the text as received, may be {@code null}
	 * @return the text with every unsafe character escaped, {@code ""} for {@code null}
	 */
	public static String line(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder safe = new StringBuilder(text.length());
		appendLine(safe, text, true);
		return safe.toString();
	}

	/**
	 * The lines of a message: split at each newline ({@code \r\n} counts as one), each
	 * made safe as {@link #line} does.
	 * @param text the message as received, may be {@code null}
	 * @return at least one line
	 */
	public static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		for (String line : ((text != null) ? text : "").split("\r?\n", -1)) {
			StringBuilder safe = new StringBuilder(line.length());
			appendLine(safe, line, false);
			lines.add(safe.toString());
		}
		return lines;
	}

	/**
	 * A styled text with every unsafe character escaped in its style, newlines kept: the
	 * last guard before anything reaches the terminal.
	 * @param text styled text, parts of which may have come from a server
	 * @return the text as safe to print
	 */
	public static AttributedString guard(AttributedString text) {
		boolean clean = true;
		for (int i = 0; i < text.length() && clean; i++) {
			char c = text.charAt(i);
			clean = c == '\n' || !isUnsafe(c);
		}
		if (clean) {
			return text;
		}
		AttributedStringBuilder safe = new AttributedStringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			safe.style(text.styleAt(i));
			safe.append((c == '\n' || !isUnsafe(c)) ? String.valueOf(c) : escape(c));
		}
		return safe.toAttributedString();
	}

	/**
	 * Whether a character must not reach the terminal as it is.
	 * @param c the character
	 * @return {@code true} for controls (tab and newline included), DEL, C1 controls,
	 * bidirectional controls and line separators
	 */
	public static boolean isUnsafe(char c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
				|| (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
	}

	private static void appendLine(StringBuilder safe, String text, boolean oneLine) {
		int column = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\t' && !oneLine) {
				int spaces = TAB_WIDTH - (column % TAB_WIDTH);
				safe.repeat(' ', spaces);
				column += spaces;
			}
			else if (isUnsafe(c)) {
				String escaped = escape(c);
				safe.append(escaped);
				column += escaped.length();
			}
			else {
				safe.append(c);
				column++;
			}
		}
	}

	private static String escape(char c) {
		return switch (c) {
			case '\n' -> "\\n";
			case '\t' -> "\\t";
			case '\r' -> "\\r";
			default -> (c <= 0xff) ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
		};
	}

}
