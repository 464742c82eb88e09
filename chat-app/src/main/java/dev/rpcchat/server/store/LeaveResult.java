package dev.rpcchat.server.store;

import dev.rpcchat.api.Message;

/**
 * The outcome of {@link ChatStore#leave}.
 */
public sealed interface LeaveResult {

	/**
	 * The user left the room; the leave was announced and the user's cursor dropped.
	 *
	 * @param announcement the system message announcing the leave
	 */
	record Left(Message announcement) implements LeaveResult {

	}

	/**
	 * The user was not in the room.
	 */
	record NotMember() implements LeaveResult {

	}

	/**
	 * There is no such room.
	 */
	record NoSuchRoom() implements LeaveResult {

	}

}
