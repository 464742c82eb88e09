package dev.rpcchat.server.store;

import java.time.Duration;

import dev.rpcchat.api.Message;

/**
 * The outcome of {@link ChatStore#send}.
 */
public sealed interface SendResult {

	/**
	 * The message was stored and the room's waiters signalled.
	 *
	 * @param message the message as stored
	 */
	record Stored(Message message) implements SendResult {

	}

	/**
	 * The sender had already sent a message with this {@code client_msg_id} within the
	 * idempotency window: nothing new was stored.
	 *
	 * @param message the message stored the first time
	 */
	record Duplicate(Message message) implements SendResult {

	}

	/**
	 * The token has no live session, or its session is another user's; nothing changed
	 * but the renewal of that other user's session.
	 */
	record Unauthorized() implements SendResult {

	}

	/**
	 * The room's state refused the message; nothing was stored.
	 *
	 * @param reason why
	 */
	record Refused(SendRefusal reason) implements SendResult {

	}

	/**
	 * The sender's rate limit refused the message; nothing was stored.
	 *
	 * @param retryAfter how long until a send may go ahead, positive
	 */
	record RateLimited(Duration retryAfter) implements SendResult {

	}

}
