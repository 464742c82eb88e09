package dev.rpcchat.server.room;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.JoinedRoom;
import dev.rpcchat.api.Room;
import dev.rpcchat.server.rate.CallerRateLimit;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.CreateResult;
import dev.rpcchat.server.store.JoinResult;
import dev.rpcchat.server.store.LeaveResult;
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.store.RoomRecord;

/**
 * Rooms and their members: create, join, leave and list.
 */
public class RoomService {

	/** How many broadcasts {@code join_room} returns. */
	static final int JOIN_HISTORY = 50;

	private final ChatStore store;

	private final CallerRateLimit creations;

	private final Clock clock;

	private final MeterRegistry meterRegistry;

	public RoomService(ChatStore store, CallerRateLimit creations, Clock clock, MeterRegistry meterRegistry) {
		this.store = store;
		this.creations = creations;
		this.clock = clock;
		this.meterRegistry = meterRegistry;
	}

	/**
	 * Creates a room.
	 * @param roomName the name, in the case to keep
	 * @return the room as created
	 */
	public Room create(String roomName) {
		String name = Names.normalize(roomName);
		Names.requireValidRoomName(name);
		this.creations.take();
		return switch (this.store.createRoom(name, now())) {
			case CreateResult.Created(RoomRecord room) -> new Room(room.name(), room.createdAt());
			case CreateResult.Exists(String existing) ->
				throw new ChatException(ErrorCode.ROOM_EXISTS, "Room " + existing + " already exists.");
			case CreateResult.Full() -> throw new ChatException(ErrorCode.SERVER_FULL,
					"The server has as many rooms as it may hold; try again later.");
		};
	}

	/**
	 * Joins a user to a room, announcing the join unless the user was already in it.
	 * @param username the user, as registered
	 * @param roomName the room
	 * @return the users in the room and its last 50 broadcasts
	 */
	public JoinedRoom join(String username, String roomName) {
		Names.requireValidRoomName(roomName);
		return switch (this.store.join(roomName, username, JOIN_HISTORY, now())) {
			case JoinResult.Joined joined -> {
				countAnnouncement();
				yield new JoinedRoom(joined.roomName(), joined.users(), joined.recentBroadcasts());
			}
			case JoinResult.AlreadyMember already ->
				new JoinedRoom(already.roomName(), already.users(), already.recentBroadcasts());
			case JoinResult.NoSuchRoom() -> throw RoomErrors.roomNotFound(roomName);
		};
	}

	/**
	 * Removes a user from a room, announcing the leave.
	 * @param username the user, as registered
	 * @param roomName the room
	 */
	public void leave(String username, String roomName) {
		Names.requireValidRoomName(roomName);
		switch (this.store.leave(roomName, username, now())) {
			case LeaveResult.Left left -> countAnnouncement();
			case LeaveResult.NotMember() -> throw RoomErrors.notInRoom(roomName);
			case LeaveResult.NoSuchRoom() -> throw RoomErrors.roomNotFound(roomName);
		}
	}

	/**
	 * Removes a user from every room, announcing each leave.
	 * @param username the user, as registered
	 */
	public void leaveAll(String username) {
		for (String roomName : this.store.roomsOf(username)) {
			if (this.store.leave(roomName, username, now()) instanceof LeaveResult.Left) {
				countAnnouncement();
			}
		}
	}

	/**
	 * Lists the rooms.
	 * @return the names, sorted case-insensitively
	 */
	public List<String> roomNames() {
		return this.store.roomNames();
	}

	/**
	 * Lists the users in a room.
	 * @param roomName the room
	 * @return the usernames, sorted case-insensitively
	 */
	public List<String> members(String roomName) {
		Names.requireValidRoomName(roomName);
		return this.store.members(roomName).orElseThrow(() -> RoomErrors.roomNotFound(roomName));
	}

	private void countAnnouncement() {
		this.meterRegistry.counter("chat.messages.sent", "type", "system").increment();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
