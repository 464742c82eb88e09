package dev.rpcchat.server.store;

import java.util.List;

import dev.rpcchat.api.Message;

/**
 * The outcome of {@link ChatStore#messagesAfter} and {@link ChatStore#messagesBefore}.
 */
public sealed interface PageResult {

	/**
	 * A page of the messages the reader may see, oldest first (maybe none).
	 *
	 * @param messages the messages, oldest first
	 * @param more whether more messages the reader may see exist past the page in its
	 * direction (newer for {@code messagesAfter}, older for {@code messagesBefore})
	 * @param newestId the room's newest message id at the time of the read, visible or
	 * not (0 if it has none), so that a reader can move past messages it may not see
	 */
	record Page(List<Message> messages, boolean more, long newestId) implements PageResult {

		public Page {
			messages = List.copyOf(messages);
		}

	}

	/**
	 * The reader is not in the room.
	 */
	record NotMember() implements PageResult {

	}

	/**
	 * There is no such room.
	 */
	record NoSuchRoom() implements PageResult {

	}

}
