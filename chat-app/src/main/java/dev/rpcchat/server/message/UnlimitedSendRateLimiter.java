package dev.rpcchat.server.message;

import java.time.Duration;

/**
 * The {@link SendRateLimiter} of {@code chat.messages.per-second=0}: no limit.
 */
public class UnlimitedSendRateLimiter implements SendRateLimiter {

	@Override
	public Duration tryAcquire(String username) {
		return Duration.ZERO;
	}

	@Override
	public void forget(String username) {
	}

}
