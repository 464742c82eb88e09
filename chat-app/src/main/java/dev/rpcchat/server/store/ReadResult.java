package dev.rpcchat.server.store;

import java.util.List;

import dev.rpcchat.api.Message;

/**
 * The outcome of {@link ChatStore#read}.
 */
public sealed interface ReadResult {

	/**
	 * The token has no live session, or its session is another user's; nothing was read.
	 */
	record Unauthorized() implements ReadResult {

	}

	/**
	 * The messages the reader may see past its cursor, oldest first (maybe none).
	 *
	 * @param messages the messages
	 */
	record Messages(List<Message> messages) implements ReadResult {

		public Messages {
			messages = List.copyOf(messages);
		}

	}

	/**
	 * The reader is not in the room.
	 */
	record NotMember() implements ReadResult {

	}

	/**
	 * There is no such room.
	 */
	record NoSuchRoom() implements ReadResult {

	}

}
