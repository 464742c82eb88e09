package dev.rpcchat.server.message;

import java.util.Map;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;

/**
 * What a message's text may be: not blank, at most {@code chat.messages.max-length}
 * Unicode code points, and no character that could fool a reader's terminal or page
 * (controls but newline and tab, bidirectional overrides and isolates) or that is no text
 * (an unpaired surrogate). Since every name is checked as well, every text the store
 * holds can be written back to a client, so a read never moves a cursor past an answer
 * that could not be written.
 */
public class MessageContent {

	private final int maxLength;

	/**
	 * Creates the rules.
	 * @param maxLength the most code points in a message
	 */
	public MessageContent(int maxLength) {
		this.maxLength = maxLength;
	}

	/**
	 * Why a text may not be sent, if it may not.
	 * @param content the text, maybe {@code null}
	 * @return the error, {@link ErrorCode#INVALID_MESSAGE}, or {@code null} for a text
	 * that may be sent
	 */
	public ChatException problem(String content) {
		if (content == null || isBlank(content)) {
			return new ChatException(ErrorCode.INVALID_MESSAGE, "The message is blank.");
		}
		if (content.codePointCount(0, content.length()) > this.maxLength) {
			return new ChatException(ErrorCode.INVALID_MESSAGE,
					"The message is longer than " + this.maxLength + " characters.",
					Map.of("max_length", this.maxLength));
		}
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			String refusal = refusal(codePoint);
			if (refusal != null) {
				return new ChatException(ErrorCode.INVALID_MESSAGE, refusal,
						Map.of("code_point", String.format("U+%04X", codePoint)));
			}
			i += Character.charCount(codePoint);
		}
		return null;
	}

	/**
	 * Why a character may not be in a message: a control character other than newline and
	 * tab (C0, DEL, C1), which could move a terminal's cursor or recolour it; a
	 * bidirectional override or isolate, which could show the text in another order than
	 * it is read; or half of a surrogate pair, which is no text at all and could not be
	 * written back to a reader.
	 */
	private static String refusal(int codePoint) {
		if ((codePoint < 0x20 && codePoint != '\n' && codePoint != '\t') || (codePoint >= 0x7F && codePoint <= 0x9F)) {
			return "The message contains a control character; only newline and tab are allowed.";
		}
		if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
			return "The message contains a bidirectional override or isolate, which could disguise its text.";
		}
		if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
			return "The message contains half of a surrogate pair, which is not text.";
		}
		return null;
	}

	/**
	 * Whether a text shows nothing: only white space, spaces such as U+00A0, or invisible
	 * format characters such as U+200B, which {@link String#isBlank()} lets through.
	 */
	static boolean isBlank(String content) {
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			if (!Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
					&& Character.getType(codePoint) != Character.FORMAT) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
