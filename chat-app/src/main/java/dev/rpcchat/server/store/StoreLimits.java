package dev.rpcchat.server.store;

import java.util.Objects;

import dev.rpcchat.server.rate.RateLimit;

/**
 * What a store holds at most and how fast each user may send.
 *
 * @param historyLimit the messages kept per room; older ones are dropped
 * @param sendRate each sender's rate ({@code chat.messages.per-second} and {@code burst})
 * @param maxUsers the most sessions held at once
 * @param maxRooms the most rooms at once
 */
public record StoreLimits(int historyLimit, RateLimit sendRate, long maxUsers, long maxRooms) {

	public StoreLimits {
		Objects.requireNonNull(sendRate, "sendRate");
		if (historyLimit < 1 || maxUsers < 1 || maxRooms < 1) {
			throw new IllegalArgumentException("historyLimit, maxUsers and maxRooms must be positive");
		}
	}

	/**
	 * Limits that keep {@code historyLimit} messages per room and limit nothing else.
	 * @param historyLimit the messages kept per room
	 * @return the limits
	 */
	public static StoreLimits ofHistory(int historyLimit) {
		return new StoreLimits(historyLimit, RateLimit.OFF, Long.MAX_VALUE, Long.MAX_VALUE);
	}

	/**
	 * These limits with another send rate.
	 * @param sendRate the rate
	 * @return the limits
	 */
	public StoreLimits withSendRate(RateLimit sendRate) {
		return new StoreLimits(this.historyLimit, sendRate, this.maxUsers, this.maxRooms);
	}

	/**
	 * These limits with other bounds on users and rooms.
	 * @param maxUsers the most sessions
	 * @param maxRooms the most rooms
	 * @return the limits
	 */
	public StoreLimits withMaxima(long maxUsers, long maxRooms) {
		return new StoreLimits(this.historyLimit, this.sendRate, maxUsers, maxRooms);
	}

}
