package dev.rpcchat.server.store;

import dev.rpcchat.api.Message;

/**
 * Told of every message a store appends, so that waiting readers wake; a store shared by
 * several instances tells the listeners of every instance.
 */
@FunctionalInterface
public interface AppendListener {

	/**
	 * Called after a message has been appended to its room.
	 * @param message the message as stored
	 */
	void appended(Message message);

}
