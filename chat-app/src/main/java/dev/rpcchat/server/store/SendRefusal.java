package dev.rpcchat.server.store;

/**
 * Why the room's state refused a message.
 */
public enum SendRefusal {

	/** There is no such room. */
	NO_SUCH_ROOM,

	/** The sender is not in the room. */
	SENDER_NOT_IN_ROOM,

	/** The recipient is not in the room. */
	RECIPIENT_NOT_IN_ROOM

}
