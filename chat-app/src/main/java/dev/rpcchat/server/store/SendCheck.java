package dev.rpcchat.server.store;

/**
 * Whether the room's state allows a message from a sender to a recipient.
 */
public enum SendCheck {

	/** The room exists, the sender and any recipient are in it. */
	ALLOWED,

	/** There is no such room. */
	NO_SUCH_ROOM,

	/** The sender is not in the room. */
	SENDER_NOT_IN_ROOM,

	/** The recipient is not in the room. */
	RECIPIENT_NOT_IN_ROOM

}
