package dev.rpcchat.server.name;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;

/**
 * How usernames and room names are matched, ordered and validated, the one home of the
 * name rules and of the sentences that state them.
 * <p>
 * A name is taken in Unicode NFC (so {@code joão} typed with a combining tilde is the
 * same name as with {@code ã}) and keeps its case; two names are the same name when their
 * NFKC forms match case-insensitively (so full-width {@code ａｎａ} is {@code ana}). A name
 * is letters and digits of any script, combining marks after them, and {@code _ - .}; it
 * has no invisible character (default-ignorable code points such as U+3164 HANGUL FILLER
 * or U+200B ZERO WIDTH SPACE), and its letters are of one script, or of Latin with Han,
 * Hiragana and Katakana (Japanese), with Han and Bopomofo (Chinese), or with Han and
 * Hangul (Korean): UTS #39's "highly restrictive" level, so {@code аna} with a Cyrillic
 * {@code а} is refused.
 */
public final class Names {

	/** The most code points in a username. */
	public static final int MAX_USERNAME_LENGTH = 32;

	/** The most code points in a room name. */
	public static final int MAX_ROOM_NAME_LENGTH = 64;

	/** The rule of usernames, as error messages state it. */
	public static final String USERNAME_RULE = "A username is 1 to " + MAX_USERNAME_LENGTH
			+ " letters, digits, '_', '-' or '.', with no invisible character and letters of one script.";

	/** The rule of room names, as error messages state it. */
	public static final String ROOM_NAME_RULE = "A room name is 1 to " + MAX_ROOM_NAME_LENGTH
			+ " letters, digits, '_', '-' or '.', with no invisible character and letters of one script.";

	/** Orders names case-insensitively. */
	public static final Comparator<String> ORDER = Comparator.comparing(Names::key)
		.thenComparing(Comparator.naturalOrder());

	private static final Set<Character.UnicodeScript> JAPANESE = EnumSet.of(Character.UnicodeScript.LATIN,
			Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA);

	private static final Set<Character.UnicodeScript> CHINESE = EnumSet.of(Character.UnicodeScript.LATIN,
			Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO);

	private static final Set<Character.UnicodeScript> KOREAN = EnumSet.of(Character.UnicodeScript.LATIN,
			Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL);

	private Names() {
	}

	/**
	 * The key of a name: two names with the same key are the same name. NFKC, then lower
	 * case.
	 * @param name a username or room name
	 * @return its key
	 */
	public static String key(String name) {
		if (isAscii(name)) {
			return name.toLowerCase(Locale.ROOT);
		}
		return Normalizer.normalize(Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
				Normalizer.Form.NFKC);
	}

	/**
	 * The form a name is registered in: NFC.
	 * @param name a username or room name, maybe {@code null}
	 * @return the name in NFC, or {@code null}
	 */
	public static String normalize(String name) {
		if (name == null || isAscii(name)) {
			return name;
		}
		return Normalizer.normalize(name, Normalizer.Form.NFC);
	}

	/**
	 * Whether a name is a valid username, once {@link #normalize normalized}.
	 * @param name the name
	 * @return whether it is valid
	 */
	public static boolean isValidUsername(String name) {
		return isValid(normalize(name), MAX_USERNAME_LENGTH);
	}

	/**
	 * Whether a name is a valid room name, once {@link #normalize normalized}.
	 * @param name the name
	 * @return whether it is valid
	 */
	public static boolean isValidRoomName(String name) {
		return isValid(normalize(name), MAX_ROOM_NAME_LENGTH);
	}

	/**
	 * Refuses a room name that is not {@link #isValidRoomName valid}.
	 * @param roomName the name
	 * @throws ChatException {@link ErrorCode#INVALID_NAME} stating the rule
	 */
	public static void requireValidRoomName(String roomName) {
		if (!isValidRoomName(roomName)) {
			throw new ChatException(ErrorCode.INVALID_NAME, ROOM_NAME_RULE);
		}
	}

	/**
	 * Refuses a username that is not {@link #isValidUsername valid}.
	 * @param username the name
	 * @throws ChatException {@link ErrorCode#INVALID_NAME} stating the rule
	 */
	public static void requireValidUsername(String username) {
		if (!isValidUsername(username)) {
			throw new ChatException(ErrorCode.INVALID_NAME, USERNAME_RULE);
		}
	}

	private static boolean isValid(String name, int maxLength) {
		if (name == null || name.isEmpty()) {
			return false;
		}
		int length = 0;
		boolean afterLetterOrDigit = false;
		Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
		for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
			int codePoint = name.codePointAt(i);
			if (++length > maxLength || isDefaultIgnorable(codePoint)) {
				return false;
			}
			if (Character.isLetterOrDigit(codePoint)) {
				afterLetterOrDigit = true;
				addScript(scripts, codePoint);
			}
			else if (isMark(codePoint) && afterLetterOrDigit) {
				addScript(scripts, codePoint);
			}
			else if (codePoint == '_' || codePoint == '-' || codePoint == '.') {
				afterLetterOrDigit = false;
			}
			else {
				return false;
			}
		}
		return scripts.size() <= 1 || JAPANESE.containsAll(scripts) || CHINESE.containsAll(scripts)
				|| KOREAN.containsAll(scripts);
	}

	private static void addScript(Set<Character.UnicodeScript> scripts, int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
			scripts.add(script);
		}
	}

	private static boolean isMark(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
	}

	/**
	 * Unicode's Default_Ignorable_Code_Point: characters that show nothing, of which a
	 * few count as letters (the Hangul fillers) or marks (variation selectors).
	 */
	static boolean isDefaultIgnorable(int c) {
		return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
				|| (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
				|| (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF
				|| c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3)
				|| (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
	}

	private static boolean isAscii(String name) {
		for (int i = 0; i < name.length(); i++) {
			if (name.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
