package dev.rpcchat.server.store;

import java.util.Comparator;
import java.util.Locale;

/**
 * How usernames and room names are matched, ordered and validated: case-insensitively,
 * keeping the case they were registered with.
 */
public final class Names {

	/** The most code points in a username. */
	public static final int MAX_USERNAME_LENGTH = 32;

	/** The most code points in a room name. */
	public static final int MAX_ROOM_NAME_LENGTH = 64;

	/** Orders names case-insensitively. */
	public static final Comparator<String> ORDER = Comparator.comparing(Names::key)
		.thenComparing(Comparator.naturalOrder());

	private Names() {
	}

	/**
	 * The case-insensitive key of a name: two names with the same key are the same name.
	 * @param name a username or room name
	 * @return its key
	 */
	public static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether a name is a valid username: 1 to 32 letters, digits, {@code _ - .}.
	 * @param name the name
	 * @return whether it is valid
	 */
	public static boolean isValidUsername(String name) {
		return isValid(name, MAX_USERNAME_LENGTH);
	}

	/**
	 * Whether a name is a valid room name: 1 to 64 letters, digits, {@code _ - .}.
	 * @param name the name
	 * @return whether it is valid
	 */
	public static boolean isValidRoomName(String name) {
		return isValid(name, MAX_ROOM_NAME_LENGTH);
	}

	private static boolean isValid(String name, int maxLength) {
		if (name == null || name.isEmpty()) {
			return false;
		}
		int length = 0;
		for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
			if (++length > maxLength || !isNameCodePoint(name.codePointAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isNameCodePoint(int codePoint) {
		return Character.isLetterOrDigit(codePoint) || codePoint == '_' || codePoint == '-' || codePoint == '.';
	}

}
