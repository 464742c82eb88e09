package dev.rpcchat.server.store.redis;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.lettuce.core.RedisCommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;

/**
 * Turns a Redis that cannot be reached, or does not answer within the command timeout,
 * into the one error {@link ErrorCode#STORE_UNAVAILABLE} for the caller, logging one WARN
 * line when calls start failing (DEBUG while they go on failing) and one INFO line when
 * Redis answers again; never a trace per call.
 */
final class RedisUnavailable {

	private static final Logger logger = LoggerFactory.getLogger(RedisUnavailable.class);

	private final AtomicBoolean down = new AtomicBoolean();

	/**
	 * Runs one step of the store.
	 * @param step the step
	 * @return what it returns
	 * @throws ChatException {@link ErrorCode#STORE_UNAVAILABLE} if Redis cannot be
	 * reached
	 */
	<T> T run(Supplier<T> step) {
		T result;
		try {
			result = step.get();
		}
		catch (RedisSystemException ex) {
			if (ex.getCause() instanceof RedisCommandExecutionException) {
				// Redis answered, with an error: a fault of ours, not an outage.
				throw ex;
			}
			throw unavailable(ex);
		}
		catch (DataAccessResourceFailureException | QueryTimeoutException ex) {
			throw unavailable(ex);
		}
		if (this.down.get() && this.down.compareAndSet(true, false)) {
			logger.info("Redis answers again");
		}
		return result;
	}

	private ChatException unavailable(RuntimeException ex) {
		if (this.down.compareAndSet(false, true)) {
			logger.warn("Redis cannot be reached ({}); calls answer error 1011 until it is back", describe(ex));
		}
		else {
			logger.debug("Redis still cannot be reached: {}", describe(ex));
		}
		return new ChatException(ErrorCode.STORE_UNAVAILABLE,
				"The chat's store cannot be reached just now; try again shortly.");
	}

	/**
	 * What went wrong, in one line: the innermost cause's message.
	 * @param ex the failure
	 * @return the sentence
	 */
	static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
