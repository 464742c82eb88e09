package dev.rpcchat.server.store;

import dev.rpcchat.api.Message;

/**
 * The outcome of {@link ChatStore#append}.
 */
public sealed interface AppendResult {

	/**
	 * The message was stored and the room's waiters signalled.
	 *
	 * @param message the message as stored
	 */
	record Stored(Message message) implements AppendResult {

	}

	/**
	 * The sender had already sent a message with this {@code client_msg_id} within the
	 * idempotency window: nothing new was stored.
	 *
	 * @param message the message stored the first time
	 */
	record Duplicate(Message message) implements AppendResult {

	}

	/**
	 * The room's state refused the message; nothing was stored.
	 *
	 * @param reason why, never {@link SendCheck#ALLOWED}
	 */
	record Refused(SendCheck reason) implements AppendResult {

	}

}
