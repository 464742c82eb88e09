package dev.rpcchat.server.store.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.rpcchat.api.Message;
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.store.CreateResult;
import dev.rpcchat.server.store.JoinResult;
import dev.rpcchat.server.store.LeaveResult;
import dev.rpcchat.server.store.RoomRecord;
import dev.rpcchat.server.store.StoreLimits;

/**
 * The rooms of the Redis store and their members: the list of rooms, each room's hash,
 * members, cursors and floors, and the rooms of each user. The rooms of a user are an
 * index written as a second step (before a join and after a leave, so that a failure
 * between the steps leaves at worst an entry for a room the user is not in).
 */
class RedisRooms {

	/** How many broadcast ids each room keeps for {@code join}. */
	static final int BROADCASTS_KEPT = 100;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final StoreLimits limits;

	RedisRooms(StringRedisTemplate redis, RedisKeys keys, StoreLimits limits) {
		this.redis = redis;
		this.keys = keys;
		this.limits = limits;
	}

	CreateResult create(String roomName, Instant now) {
		String roomKey = Names.key(roomName);
		List<?> result = this.redis.execute(RedisScripts.CREATE_ROOM,
				List.of(this.keys.room(roomKey), this.keys.rooms()), roomName, RedisValues.millis(now),
				UUID.randomUUID().toString(), roomKey, String.valueOf(this.limits.maxRooms()));
		return switch (ScriptOutcome.of(result.get(0))) {
			case OK -> new CreateResult.Created(new RoomRecord(roomName, now));
			case FULL -> new CreateResult.Full();
			default -> new CreateResult.Exists((String) result.get(1));
		};
	}

	List<String> names() {
		return this.redis.<String, String>opsForHash()
			.values(this.keys.rooms())
			.stream()
			.map(RedisRooms::listedName)
			.sorted(Names.ORDER)
			.toList();
	}

	long count() {
		return Objects.requireNonNullElse(this.redis.opsForHash().size(this.keys.rooms()), 0L);
	}

	Optional<List<String>> members(String roomName) {
		String roomKey = Names.key(roomName);
		List<?> result = this.redis.execute(RedisScripts.MEMBERS,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey)));
		if (ScriptOutcome.of(result.get(0)) != ScriptOutcome.OK) {
			return Optional.empty();
		}
		return Optional.of(RedisValues.sortedNames((List<?>) result.get(1)));
	}

	List<String> roomsOf(String username) {
		return this.redis.<String, String>opsForHash().values(this.keys.roomsOf(Names.key(username)));
	}

	JoinResult join(String roomName, String username, int recentBroadcasts, Instant now) {
		String roomKey = Names.key(roomName);
		String userKey = Names.key(username);
		String roomsOfUser = this.keys.roomsOf(userKey);
		this.redis.opsForHash().put(roomsOfUser, roomKey, roomName);
		List<?> result = this.redis.execute(RedisScripts.JOIN,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey), this.keys.cursors(roomKey),
						this.keys.floors(roomKey), this.keys.log(roomKey), this.keys.broadcasts(roomKey)),
				userKey, username, String.valueOf(Math.min(recentBroadcasts, BROADCASTS_KEPT)), RedisValues.millis(now),
				String.valueOf(this.limits.historyLimit()), this.keys.appendedChannel());
		ScriptOutcome outcome = ScriptOutcome.of(result.get(0));
		if (outcome == ScriptOutcome.NO_SUCH_ROOM) {
			this.redis.opsForHash().delete(roomsOfUser, roomKey);
			return new JoinResult.NoSuchRoom();
		}
		String registeredName = (String) result.get(1);
		this.redis.opsForHash().put(roomsOfUser, roomKey, registeredName);
		List<String> users = RedisValues.sortedNames((List<?>) result.get(3));
		List<Message> recent = StoredMessages.decodeAll((List<?>) result.get(4));
		if (outcome == ScriptOutcome.OK) {
			return new JoinResult.Joined(registeredName, users, recent, StoredMessages.decode((String) result.get(2)));
		}
		return new JoinResult.AlreadyMember(registeredName, users, recent);
	}

	LeaveResult leave(String roomName, String username, Instant now) {
		String roomKey = Names.key(roomName);
		String userKey = Names.key(username);
		List<?> result = this.redis.execute(RedisScripts.LEAVE,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey), this.keys.cursors(roomKey),
						this.keys.floors(roomKey), this.keys.log(roomKey)),
				userKey, RedisValues.millis(now), String.valueOf(this.limits.historyLimit()),
				this.keys.appendedChannel());
		this.redis.opsForHash().delete(this.keys.roomsOf(userKey), roomKey);
		return switch (ScriptOutcome.of(result.get(0))) {
			case OK -> new LeaveResult.Left(StoredMessages.decode((String) result.get(1)));
			case NOT_MEMBER -> new LeaveResult.NotMember();
			default -> new LeaveResult.NoSuchRoom();
		};
	}

	List<String> idle(Instant emptySince) {
		Map<String, String> listed = this.redis.<String, String>opsForHash().entries(this.keys.rooms());
		List<String> roomKeys = List.copyOf(listed.keySet());
		List<Object> states = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (String roomKey : roomKeys) {
				connection.hashCommands()
					.hMGet(RedisValues.bytes(this.keys.room(roomKey)), RedisValues.bytes("name"),
							RedisValues.bytes("emptySince"));
			}
			return null;
		});
		List<String> idle = new ArrayList<>();
		for (int i = 0; i < roomKeys.size(); i++) {
			List<?> state = (List<?>) states.get(i);
			// A listed room that no longer exists is offered too, so that its entry goes.
			boolean gone = state.get(0) == null;
			boolean empty = state.get(1) != null && !RedisValues.instant((String) state.get(1)).isAfter(emptySince);
			if (gone || empty) {
				idle.add(listedName(listed.get(roomKeys.get(i))));
			}
		}
		return idle;
	}

	boolean removeIfIdle(String roomName, Instant emptySince) {
		String roomKey = Names.key(roomName);
		List<String> keys = new ArrayList<>(this.keys.roomData(roomKey));
		keys.add(this.keys.rooms());
		Long outcome = this.redis.execute(RedisScripts.REMOVE_ROOM_IF_IDLE, keys, roomKey,
				RedisValues.millis(emptySince));
		return ScriptOutcome.of(outcome) == ScriptOutcome.OK;
	}

	private static String listedName(String listed) {
		return listed.substring(listed.indexOf(' ') + 1);
	}

}
