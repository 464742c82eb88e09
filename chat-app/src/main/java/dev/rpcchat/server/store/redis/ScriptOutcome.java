package dev.rpcchat.server.store.redis;

import java.util.Arrays;

/**
 * What the store's scripts answer first, as a number: the one mapping between the
 * scripts' names for their outcomes and Java's. The scripts see each as a Lua constant of
 * the same name ({@link #luaConstants}).
 */
enum ScriptOutcome {

	OK, NO_SUCH_ROOM, NOT_MEMBER, RECIPIENT_NOT_IN_ROOM, UNAUTHORIZED, DUPLICATE, RATE_LIMITED, ALREADY_MEMBER, TAKEN,
	FULL, EXISTS, IN_USE;

	private static final ScriptOutcome[] values = values();

	/**
	 * The outcome a script answered.
	 * @param code the number, as Redis returns it
	 * @return the outcome
	 */
	static ScriptOutcome of(Object code) {
		return values[((Number) code).intValue()];
	}

	/**
	 * The Lua that defines every outcome as a local constant, put before every script.
	 * @return one {@code local NAME = n} line per outcome
	 */
	static String luaConstants() {
		return Arrays.stream(values)
			.map((outcome) -> "local " + outcome.name() + " = " + outcome.ordinal() + "\n")
			.reduce("", String::concat);
	}

}
