package dev.rpcchat.server.store;

import java.util.List;

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

	/**
	 * One listener that tells each of several, in order.
	 * @param listeners the listeners, such as every one in the application context
	 * @return the listener
	 */
	static AppendListener all(List<AppendListener> listeners) {
		List<AppendListener> copy = List.copyOf(listeners);
		return (copy.size() == 1) ? copy.getFirst()
				: (message) -> copy.forEach((listener) -> listener.appended(message));
	}

}
