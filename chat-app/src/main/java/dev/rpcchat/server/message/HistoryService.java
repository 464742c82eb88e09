package dev.rpcchat.server.message;

import java.util.List;

import dev.rpcchat.api.History;
import dev.rpcchat.api.Message;
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.room.RoomErrors;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.PageResult;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.user.UserRegistry;

/**
 * {@code get_history}: pages of a room's messages that the caller may see, newest page
 * first, each one step of the store that changes nothing.
 */
public class HistoryService {

	/** How many messages a page holds when the call does not say. */
	public static final int DEFAULT_LIMIT = 50;

	/** The most messages a page holds. */
	public static final int MAX_LIMIT = 100;

	private final ChatStore store;

	private final UserRegistry users;

	public HistoryService(ChatStore store, UserRegistry users) {
		this.store = store;
		this.users = users;
	}

	/**
	 * The caller's page of a room's messages before an id.
	 * @param roomName the room
	 * @param beforeId only messages with a smaller id, or {@code null} for the newest
	 * @param limit how many at most, 1 to {@link #MAX_LIMIT}
	 * @return the page, oldest first
	 */
	public History history(String roomName, Long beforeId, int limit) {
		Session caller = this.users.authenticateAnyone();
		Names.requireValidRoomName(roomName);
		long before = (beforeId != null) ? beforeId : Long.MAX_VALUE;
		return switch (this.store.messagesBefore(roomName, caller.username(), before, limit)) {
			case PageResult.Page(List<Message> messages, boolean more, long newestId) ->
				new History(registeredName(roomName, messages), messages, more);
			case PageResult.NotMember() -> throw RoomErrors.notInRoom(roomName);
			case PageResult.NoSuchRoom() -> throw RoomErrors.roomNotFound(roomName);
		};
	}

	private String registeredName(String roomName, List<Message> messages) {
		if (!messages.isEmpty()) {
			return messages.getFirst().roomName();
		}
		return this.store.roomNames()
			.stream()
			.filter((name) -> Names.key(name).equals(Names.key(roomName)))
			.findFirst()
			.orElse(roomName);
	}

}
