package dev.rpcchat.server.store.redis;

import java.util.List;

/**
 * The names of the store's Redis keys and channel. Keys of one room share the hash tag
 * {@code {room:<name>}}, so a room lives on one shard of a Redis Cluster; sessions share
 * {@code {users}} and the list of rooms is {@code {rooms}}.
 *
 * @param prefix put before every key and the channel, such as {@code chat:}
 */
record RedisKeys(String prefix) {

	RedisKeys {
		if (prefix.contains("{") || prefix.contains("}")) {
			throw new IllegalArgumentException("The key prefix must not contain a hash tag");
		}
	}

	String appendedChannel() {
		return this.prefix + "appended";
	}

	/** The name a session holds: its token hash. */
	String name(String userKey) {
		return this.prefix + "{users}:name:" + userKey;
	}

	/** A session by its token hash: username, userKey, expiresAt. */
	String token(String tokenHash) {
		return this.prefix + "{users}:token:" + tokenHash;
	}

	String expiries() {
		return this.prefix + "{users}:expiries";
	}

	String roomsOf(String userKey) {
		return this.prefix + "{users}:rooms:" + userKey;
	}

	String sentBy(String userKey, String clientMsgId) {
		return this.prefix + "{users}:sent:" + userKey + ":" + clientMsgId;
	}

	String rooms() {
		return this.prefix + "{rooms}";
	}

	String room(String roomKey) {
		return this.prefix + "{room:" + roomKey + "}";
	}

	String members(String roomKey) {
		return room(roomKey) + ":members";
	}

	String cursors(String roomKey) {
		return room(roomKey) + ":cursors";
	}

	String floors(String roomKey) {
		return room(roomKey) + ":floors";
	}

	String log(String roomKey) {
		return room(roomKey) + ":log";
	}

	String broadcasts(String roomKey) {
		return room(roomKey) + ":broadcasts";
	}

	/**
	 * Every key of a room that goes with it when it is removed.
	 * @param roomKey the room's name key
	 * @return room, members, cursors, floors, log and broadcasts
	 */
	List<String> roomData(String roomKey) {
		return List.of(room(roomKey), members(roomKey), cursors(roomKey), floors(roomKey), log(roomKey),
				broadcasts(roomKey));
	}

	/** A user's send rate: when its bucket is full again. */
	String sendRate(String userKey) {
		return this.prefix + "{users}:rate:" + userKey;
	}

}
