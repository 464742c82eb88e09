package dev.rpcchat.server.store;

import java.util.List;

import dev.rpcchat.server.name.Names;

import dev.rpcchat.api.Message;

/**
 * The outcome of {@link ChatStore#join}.
 */
public sealed interface JoinResult {

	/**
	 * The user was not in the room and now is: the join was announced and the user's
	 * cursor set just past the announcement.
	 *
	 * @param roomName the room, in its registered case
	 * @param users the users now in the room, the joiner included, sorted
	 * {@link Names#ORDER case-insensitively}
	 * @param recentBroadcasts the last broadcasts, oldest first
	 * @param announcement the system message announcing the join
	 */
	record Joined(String roomName, List<String> users, List<Message> recentBroadcasts,
			Message announcement) implements JoinResult {

		public Joined {
			users = List.copyOf(users);
			recentBroadcasts = List.copyOf(recentBroadcasts);
		}

	}

	/**
	 * The user was already in the room: nothing was announced and the cursor is
	 * unchanged.
	 *
	 * @param roomName the room, in its registered case
	 * @param users the users in the room, sorted {@link Names#ORDER case-insensitively}
	 * @param recentBroadcasts the last broadcasts, oldest first
	 */
	record AlreadyMember(String roomName, List<String> users, List<Message> recentBroadcasts) implements JoinResult {

		public AlreadyMember {
			users = List.copyOf(users);
			recentBroadcasts = List.copyOf(recentBroadcasts);
		}

	}

	/**
	 * There is no such room.
	 */
	record NoSuchRoom() implements JoinResult {

	}

}
