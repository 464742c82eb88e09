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

}
