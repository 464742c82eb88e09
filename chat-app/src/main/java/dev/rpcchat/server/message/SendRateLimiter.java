package dev.rpcchat.server.message;

import java.time.Duration;

/**
 * Each user's send rate: a sustained rate and a burst.
 */
public interface SendRateLimiter {

	/**
	 * Takes one send from the user's allowance, if there is one.
	 * @param username the sender, as registered
	 * @return {@link Duration#ZERO} if the send may go ahead, else how long until it may
	 */
	Duration tryAcquire(String username);

	/**
	 * Forgets a user's allowance, when the session ends.
	 * @param username the user, as registered
	 */
	void forget(String username);

}
