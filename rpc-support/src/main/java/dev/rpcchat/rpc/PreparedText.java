package dev.rpcchat.rpc;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text message prepared once to be sent on any number of connections: the text and the
 * size of its UTF-8 encoding.
 *
 * @param text the text
 * @param utf8Length how many bytes it takes on the wire
 */
public record PreparedText(String text, int utf8Length) {

	public PreparedText {
		Objects.requireNonNull(text, "text");
	}

	/**
	 * Prepares a text, counting its UTF-8 bytes.
	 * @param text the text
	 * @return the prepared text
	 */
	public static PreparedText of(String text) {
		return new PreparedText(text, utf8Length(text));
	}

	/**
	 * Prepares the text of UTF-8 bytes.
	 * @param utf8 the bytes
	 * @return the prepared text
	 */
	public static PreparedText ofUtf8(byte[] utf8) {
		return new PreparedText(new String(utf8, StandardCharsets.UTF_8), utf8.length);
	}

	/**
	 * Counts the bytes of a text's UTF-8 encoding without encoding it; an unpaired
	 * surrogate counts as the three bytes of its replacement.
	 * @param text the text
	 * @return the number of bytes
	 */
	public static int utf8Length(CharSequence text) {
		int length = text.length();
		int bytes = length;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				if (c < 0x800) {
					bytes += 1;
				}
				else if (Character.isHighSurrogate(c) && i + 1 < length
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					bytes += 2;
					i++;
				}
				else {
					bytes += 2;
				}
			}
		}
		return bytes;
	}

}
