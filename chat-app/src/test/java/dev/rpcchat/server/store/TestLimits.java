package dev.rpcchat.server.store;

import dev.rpcchat.server.rate.RateLimit;

/**
 * Store limits for tests: a history limit, and no other limit unless asked.
 */
public final class TestLimits {

	private TestLimits() {
	}

	/**
	 * Keeps {@code historyLimit} messages per room and limits nothing else.
	 * @param historyLimit the messages kept per room
	 * @return the limits
	 */
	public static StoreLimits history(int historyLimit) {
		return new StoreLimits(historyLimit, RateLimit.OFF, Long.MAX_VALUE, Long.MAX_VALUE);
	}

	/**
	 * Keeps {@code historyLimit} messages per room and limits each sender's rate.
	 * @param historyLimit the messages kept per room
	 * @param sendRate the rate
	 * @return the limits
	 */
	public static StoreLimits sendRate(int historyLimit, RateLimit sendRate) {
		return new StoreLimits(historyLimit, sendRate, Long.MAX_VALUE, Long.MAX_VALUE);
	}

	/**
	 * Keeps {@code historyLimit} messages per room and bounds users and rooms.
	 * @param historyLimit the messages kept per room
	 * @param maxUsers the most sessions
	 * @param maxRooms the most rooms
	 * @return the limits
	 */
	public static StoreLimits maxima(int historyLimit, long maxUsers, long maxRooms) {
		return new StoreLimits(historyLimit, RateLimit.OFF, maxUsers, maxRooms);
	}

}
