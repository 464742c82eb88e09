package dev.rpcchat.server.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.rpcchat.api.Message;
import dev.rpcchat.server.message.SendRateLimiter;
import dev.rpcchat.server.message.UnlimitedSendRateLimiter;
import dev.rpcchat.server.store.AppendResult;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.JoinResult;
import dev.rpcchat.server.store.LeaveResult;
import dev.rpcchat.server.store.Names;
import dev.rpcchat.server.store.OutgoingMessage;
import dev.rpcchat.server.store.PageResult;
import dev.rpcchat.server.store.ReadResult;
import dev.rpcchat.server.store.RoomRecord;
import dev.rpcchat.server.store.SendCheck;
import dev.rpcchat.server.store.SendRequest;
import dev.rpcchat.server.store.SendResult;
import dev.rpcchat.server.store.Session;

/**
 * The {@link ChatStore} that several chat-app instances share: Redis, each step one Lua
 * script on the keys of one slot. A room's log is a Stream whose ids ({@code <id>-0}) are
 * the message ids; appended messages are published on one channel for every instance's
 * waiters.
 * <p>
 * Two indexes live in other slots than what they index and are written as a second step:
 * the rooms of a user (written before a join and after a leave, so that a failure between
 * the steps leaves at worst an entry for a room the user is not in) and the list of rooms
 * (each entry carries the room's generation, so that removing the entry of a reaped room
 * never removes that of a room created again meanwhile).
 */
@SuppressWarnings("rawtypes")
class RedisChatStore implements ChatStore {

	/** How many broadcast ids each room keeps for {@code join}. */
	static final int BROADCASTS_KEPT = 100;

	/**
	 * Beyond any id a room reaches; keeps a client's {@code after_id} a valid stream id.
	 */
	private static final long MAX_ID = 999_999_999_999L;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final int historyLimit;

	private final boolean oneStepCalls;

	private final RedisScript<Long> claimUsername = script("claim-username", Long.class);

	private final RedisScript<List> touchSession = script("touch-session", List.class);

	private final RedisScript<Long> releaseUsername = script("release-username", Long.class);

	private final RedisScript<List> createRoom = script("create-room", List.class);

	private final RedisScript<List> members = script("members", List.class);

	private final RedisScript<String> checkSend = script("check-send", String.class);

	private final RedisScript<List> join = script("join", List.class);

	private final RedisScript<List> leave = script("leave", List.class);

	private final RedisScript<List> append = script("append", List.class);

	private final RedisScript<List> send = script(List.class, "session", "token-bucket", "send");

	private final RedisScript<List> readAs = script(List.class, "session", "read-as", "read");

	private final RedisScript<List> read = script("read", List.class);

	private final RedisScript<List> page = script("page", List.class);

	private final RedisScript<List> removeRoomIfIdle = script("remove-room-if-idle", List.class);

	private final RedisScript<Long> unlistRoom = script("unlist-room", Long.class);

	/**
	 * Creates the store.
	 * @param redis the connection, with string keys and values
	 * @param keys the names of the keys
	 * @param historyLimit the messages kept per room
	 */
	RedisChatStore(StringRedisTemplate redis, RedisKeys keys, int historyLimit) {
		this(redis, keys, historyLimit, !isCluster(redis));
	}

	/**
	 * Creates the store.
	 * @param redis the connection, with string keys and values
	 * @param keys the names of the keys
	 * @param historyLimit the messages kept per room
	 * @param oneStepCalls whether a send, and the first read of a receive, is one script
	 * on keys of several slots (sessions, the room, the rate), which only a Redis that is
	 * not a Cluster runs; else they are several steps, each on one slot
	 */
	RedisChatStore(StringRedisTemplate redis, RedisKeys keys, int historyLimit, boolean oneStepCalls) {
		if (historyLimit < 1) {
			throw new IllegalArgumentException("historyLimit must be positive");
		}
		this.redis = redis;
		this.keys = keys;
		this.historyLimit = historyLimit;
		this.oneStepCalls = oneStepCalls;
	}

	private static boolean isCluster(StringRedisTemplate redis) {
		return redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
	}

	@Override
	public boolean claimUsername(Session session) {
		String userKey = Names.key(session.username());
		Long claimed = this.redis.execute(this.claimUsername,
				List.of(this.keys.name(userKey), this.keys.token(session.tokenHash()), this.keys.expiries()),
				session.username(), session.tokenHash(), millis(session.expiresAt()), userKey);
		return Long.valueOf(1).equals(claimed);
	}

	@Override
	public Optional<Session> touchSession(String tokenHash, Instant now, Instant expiresAt) {
		List<?> renewed = this.redis.execute(this.touchSession,
				List.of(this.keys.token(tokenHash), this.keys.expiries()), millis(now), millis(expiresAt));
		if (renewed == null || renewed.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Session((String) renewed.get(0), tokenHash, instant((String) renewed.get(1))));
	}

	@Override
	public boolean releaseUsername(String username, String tokenHash) {
		return release(Names.key(username), tokenHash, "");
	}

	@Override
	public boolean releaseUsernameIfExpired(String username, Instant now) {
		String userKey = Names.key(username);
		String tokenHash = this.redis.opsForValue().get(this.keys.name(userKey));
		return tokenHash != null && release(userKey, tokenHash, millis(now));
	}

	private boolean release(String userKey, String tokenHash, String nowOrEmpty) {
		Long released = this.redis.execute(this.releaseUsername,
				List.of(this.keys.name(userKey), this.keys.token(tokenHash), this.keys.expiries()), tokenHash, userKey,
				nowOrEmpty);
		return Long.valueOf(1).equals(released);
	}

	@Override
	public List<Session> expiredSessions(Instant now) {
		List<Session> expired = new ArrayList<>();
		for (String userKey : this.redis.opsForZSet()
			.rangeByScore(this.keys.expiries(), Double.NEGATIVE_INFINITY, now.toEpochMilli())) {
			String tokenHash = this.redis.opsForValue().get(this.keys.name(userKey));
			List<Object> session = (tokenHash != null)
					? this.redis.opsForHash().multiGet(this.keys.token(tokenHash), List.of("username", "expiresAt"))
					: List.of();
			if (!session.isEmpty() && session.get(0) != null && !instant((String) session.get(1)).isAfter(now)) {
				expired.add(new Session((String) session.get(0), tokenHash, instant((String) session.get(1))));
			}
		}
		return expired;
	}

	@Override
	public long sessionCount() {
		return Objects.requireNonNullElse(this.redis.opsForZSet().zCard(this.keys.expiries()), 0L);
	}

	@Override
	public Optional<RoomRecord> createRoom(String roomName, Instant now) {
		String roomKey = Names.key(roomName);
		String generation = UUID.randomUUID().toString();
		List<?> existing = this.redis.execute(this.createRoom, List.of(this.keys.room(roomKey)), roomName, millis(now),
				generation);
		if (existing != null && !existing.isEmpty()) {
			// Lists the room should a failure have come between its creation and its
			// listing.
			this.redis.opsForHash().putIfAbsent(this.keys.rooms(), roomKey, existing.get(0) + " " + existing.get(1));
			return Optional.empty();
		}
		this.redis.opsForHash().put(this.keys.rooms(), roomKey, generation + " " + roomName);
		return Optional.of(new RoomRecord(roomName, now));
	}

	@Override
	public List<String> roomNames() {
		return this.redis.<String, String>opsForHash()
			.values(this.keys.rooms())
			.stream()
			.map(RedisChatStore::listedName)
			.sorted(Names.ORDER)
			.toList();
	}

	@Override
	public long roomCount() {
		return Objects.requireNonNullElse(this.redis.opsForHash().size(this.keys.rooms()), 0L);
	}

	@Override
	public Optional<List<String>> members(String roomName) {
		String roomKey = Names.key(roomName);
		List<?> result = this.redis.execute(this.members, List.of(this.keys.room(roomKey), this.keys.members(roomKey)));
		if (result.get(0).equals("NO_SUCH_ROOM")) {
			return Optional.empty();
		}
		return Optional.of(sortedNames((List<?>) result.get(1)));
	}

	@Override
	public List<String> roomsOf(String username) {
		return this.redis.<String, String>opsForHash().values(this.keys.roomsOf(Names.key(username)));
	}

	@Override
	public JoinResult join(String roomName, String username, int recentBroadcasts, Instant now) {
		String roomKey = Names.key(roomName);
		String userKey = Names.key(username);
		String roomsOfUser = this.keys.roomsOf(userKey);
		this.redis.opsForHash().put(roomsOfUser, roomKey, roomName);
		List<?> result = this.redis.execute(this.join,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey), this.keys.cursors(roomKey),
						this.keys.floors(roomKey), this.keys.log(roomKey), this.keys.broadcasts(roomKey)),
				userKey, username, String.valueOf(Math.min(recentBroadcasts, BROADCASTS_KEPT)), millis(now),
				String.valueOf(this.historyLimit), this.keys.appendedChannel());
		String outcome = (String) result.get(0);
		if (outcome.equals("NO_SUCH_ROOM")) {
			this.redis.opsForHash().delete(roomsOfUser, roomKey);
			return new JoinResult.NoSuchRoom();
		}
		String registeredName = (String) result.get(1);
		this.redis.opsForHash().put(roomsOfUser, roomKey, registeredName);
		List<String> users = sortedNames((List<?>) result.get(3));
		List<Message> recent = StoredMessages.decodeAll((List<?>) result.get(4));
		if (outcome.equals("JOINED")) {
			return new JoinResult.Joined(registeredName, users, recent, StoredMessages.decode((String) result.get(2)));
		}
		return new JoinResult.AlreadyMember(registeredName, users, recent);
	}

	@Override
	public LeaveResult leave(String roomName, String username, Instant now) {
		String roomKey = Names.key(roomName);
		String userKey = Names.key(username);
		List<?> result = this.redis.execute(this.leave,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey), this.keys.cursors(roomKey),
						this.keys.floors(roomKey), this.keys.log(roomKey)),
				userKey, millis(now), String.valueOf(this.historyLimit), this.keys.appendedChannel());
		this.redis.opsForHash().delete(this.keys.roomsOf(userKey), roomKey);
		return switch ((String) result.get(0)) {
			case "LEFT" -> new LeaveResult.Left(StoredMessages.decode((String) result.get(1)));
			case "NOT_MEMBER" -> new LeaveResult.NotMember();
			default -> new LeaveResult.NoSuchRoom();
		};
	}

	@Override
	public SendCheck checkSend(String roomName, String sender, String recipient) {
		String roomKey = Names.key(roomName);
		return SendCheck
			.valueOf(this.redis.execute(this.checkSend, List.of(this.keys.room(roomKey), this.keys.members(roomKey)),
					Names.key(sender), keyOrEmpty(recipient)));
	}

	@Override
	public AppendResult append(OutgoingMessage message, Instant now) {
		String clientMsgId = Objects.requireNonNullElse(message.clientMsgId(), "");
		if (!clientMsgId.isEmpty()) {
			// A repeat into another room is found here; into the same room, by the
			// script.
			Optional<Message> sent = findSent(message.sender(), clientMsgId, now);
			if (sent.isPresent()) {
				return new AppendResult.Duplicate(sent.get());
			}
		}
		String roomKey = Names.key(message.roomName());
		String senderKey = Names.key(message.sender());
		List<?> result = this.redis.execute(this.append,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey), this.keys.log(roomKey),
						this.keys.broadcasts(roomKey), this.keys.sentInRoom(roomKey, senderKey, clientMsgId)),
				senderKey, keyOrEmpty(message.recipient()), message.content(), millis(now),
				String.valueOf(this.historyLimit), this.keys.appendedChannel(), clientMsgId,
				String.valueOf(IDEMPOTENCY_WINDOW.toMillis()), String.valueOf(BROADCASTS_KEPT));
		String outcome = (String) result.get(0);
		return switch (outcome) {
			case "STORED" -> stored(senderKey, clientMsgId, (String) result.get(1), now);
			case "DUPLICATE" -> new AppendResult.Duplicate(StoredMessages.decode((String) result.get(1)));
			default -> new AppendResult.Refused(SendCheck.valueOf(outcome));
		};
	}

	private AppendResult stored(String senderKey, String clientMsgId, String encoded, Instant now) {
		if (!clientMsgId.isEmpty()) {
			this.redis.opsForValue()
				.set(this.keys.sentBy(senderKey, clientMsgId), millis(now) + " " + encoded, IDEMPOTENCY_WINDOW);
		}
		return new AppendResult.Stored(StoredMessages.decode(encoded));
	}

	/**
	 * Sends in one script (one round trip) when this Redis is not a Cluster and the rate
	 * limit is this store's own ({@link RedisSendRateLimiter} on the same keys) or none;
	 * else in steps, as the interface does.
	 */
	@Override
	public SendResult send(SendRequest request, SendRateLimiter rateLimiter) {
		int perSecond;
		int burst;
		String bucket;
		String userKey = Names.key(request.username());
		if (rateLimiter instanceof RedisSendRateLimiter ownLimit && ownLimit.usesKeys(this.keys)) {
			perSecond = ownLimit.perSecond();
			burst = ownLimit.burst();
			bucket = ownLimit.key(userKey);
		}
		else if (rateLimiter instanceof UnlimitedSendRateLimiter) {
			perSecond = 0;
			burst = 0;
			bucket = this.keys.rateLimit(userKey);
		}
		else {
			return ChatStore.super.send(request, rateLimiter);
		}
		if (!this.oneStepCalls) {
			return ChatStore.super.send(request, rateLimiter);
		}
		String roomKey = Names.key(request.roomName());
		String clientMsgId = Objects.requireNonNullElse(request.clientMsgId(), "");
		List<?> result = this.redis.execute(this.send,
				List.of(this.keys.token(request.tokenHash()), this.keys.expiries(),
						this.keys.sentBy(userKey, clientMsgId), this.keys.room(roomKey), this.keys.members(roomKey),
						this.keys.log(roomKey), this.keys.broadcasts(roomKey), bucket),
				millis(request.now()), millis(request.sessionExpiresAt()), userKey, keyOrEmpty(request.recipient()),
				request.content(), String.valueOf(this.historyLimit), this.keys.appendedChannel(), clientMsgId,
				String.valueOf(IDEMPOTENCY_WINDOW.toMillis()), String.valueOf(BROADCASTS_KEPT),
				String.valueOf(perSecond), String.valueOf(burst));
		String outcome = (String) result.get(0);
		return switch (outcome) {
			case "STORED" -> new SendResult.Stored(StoredMessages.decode((String) result.get(1)));
			case "DUPLICATE" -> new SendResult.Duplicate(StoredMessages.decode((String) result.get(1)));
			case "UNAUTHORIZED" -> new SendResult.Unauthorized();
			case "RATE_LIMITED" ->
				new SendResult.RateLimited(Duration.ofNanos(Long.parseLong((String) result.get(1)) * 1000));
			default -> new SendResult.Refused(SendCheck.valueOf(outcome));
		};
	}

	@Override
	public Optional<Message> findSent(String username, String clientMsgId, Instant now) {
		String sent = this.redis.opsForValue().get(this.keys.sentBy(Names.key(username), clientMsgId));
		if (sent == null) {
			return Optional.empty();
		}
		int separator = sent.indexOf(' ');
		Instant sentAt = instant(sent.substring(0, separator));
		if (!now.isBefore(sentAt.plus(IDEMPOTENCY_WINDOW))) {
			return Optional.empty();
		}
		return Optional.of(StoredMessages.decode(sent.substring(separator + 1)));
	}

	@Override
	public ReadResult read(String roomName, String username, Long afterId) {
		String roomKey = Names.key(roomName);
		List<?> result = this.redis.execute(this.read, List.of(this.keys.room(roomKey), this.keys.members(roomKey),
				this.keys.cursors(roomKey), this.keys.floors(roomKey), this.keys.log(roomKey)), Names.key(username),
				after(afterId));
		return readResult(result);
	}

	/**
	 * Renews the session and reads in one script (one round trip) when this Redis is not
	 * a Cluster; else in two steps, as the interface does.
	 */
	@Override
	public Optional<ReadResult> readAs(String tokenHash, String username, Instant now, Instant sessionExpiresAt,
			String roomName, Long afterId) {
		if (!this.oneStepCalls) {
			return ChatStore.super.readAs(tokenHash, username, now, sessionExpiresAt, roomName, afterId);
		}
		String roomKey = Names.key(roomName);
		List<?> result = this.redis.execute(this.readAs,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey), this.keys.cursors(roomKey),
						this.keys.floors(roomKey), this.keys.log(roomKey), this.keys.token(tokenHash),
						this.keys.expiries()),
				Names.key(username), after(afterId), millis(now), millis(sessionExpiresAt));
		if (result.get(0).equals("UNAUTHORIZED")) {
			return Optional.empty();
		}
		return Optional.of(readResult(result));
	}

	private static String after(Long afterId) {
		return (afterId != null) ? String.valueOf(Math.clamp(afterId, 0, MAX_ID)) : "";
	}

	private static ReadResult readResult(List<?> result) {
		return switch ((String) result.get(0)) {
			case "MESSAGES" -> new ReadResult.Messages(StoredMessages.decodeAll((List<?>) result.get(1)));
			case "NOT_MEMBER" -> new ReadResult.NotMember();
			default -> new ReadResult.NoSuchRoom();
		};
	}

	@Override
	public PageResult messagesAfter(String roomName, String member, long afterId, int limit) {
		return page(roomName, member, "after", afterId, limit);
	}

	@Override
	public PageResult messagesBefore(String roomName, String member, long beforeId, int limit) {
		return page(roomName, member, "before", beforeId, limit);
	}

	private PageResult page(String roomName, String member, String direction, long id, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive");
		}
		String roomKey = Names.key(roomName);
		List<?> result = this.redis.execute(this.page,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey), this.keys.floors(roomKey),
						this.keys.log(roomKey)),
				Names.key(member), direction, String.valueOf(Math.clamp(id, 0, MAX_ID + 1)), String.valueOf(limit));
		return switch (((Long) result.get(0)).intValue()) {
			case 0 -> new PageResult.Page(StoredMessages.decodeAll((List<?>) result.get(3)),
					((Long) result.get(1)) == 1, (Long) result.get(2));
			case 1 -> new PageResult.NoSuchRoom();
			default -> new PageResult.NotMember();
		};
	}

	@Override
	public List<String> idleRooms(Instant emptySince) {
		Map<String, String> listed = this.redis.<String, String>opsForHash().entries(this.keys.rooms());
		List<String> roomKeys = List.copyOf(listed.keySet());
		List<Object> states = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (String roomKey : roomKeys) {
				connection.hashCommands().hMGet(bytes(this.keys.room(roomKey)), bytes("name"), bytes("emptySince"));
			}
			return null;
		});
		List<String> idle = new ArrayList<>();
		for (int i = 0; i < roomKeys.size(); i++) {
			List<?> state = (List<?>) states.get(i);
			// A listed room that no longer exists is offered too, so that its entry goes.
			boolean gone = state.get(0) == null;
			boolean empty = state.get(1) != null && !instant((String) state.get(1)).isAfter(emptySince);
			if (gone || empty) {
				idle.add(listedName(listed.get(roomKeys.get(i))));
			}
		}
		return idle;
	}

	@Override
	public boolean removeRoomIfIdle(String roomName, Instant emptySince) {
		String roomKey = Names.key(roomName);
		String listed = this.redis.<String, String>opsForHash().get(this.keys.rooms(), roomKey);
		List<?> result = this.redis.execute(this.removeRoomIfIdle, this.keys.roomData(roomKey), millis(emptySince));
		String outcome = (String) result.get(0);
		if (outcome.equals("REMOVED")) {
			unlist(roomKey, (String) result.get(1));
			return true;
		}
		if (outcome.equals("NO_SUCH_ROOM") && listed != null) {
			unlist(roomKey, listed.substring(0, listed.indexOf(' ')));
		}
		return false;
	}

	private void unlist(String roomKey, String generation) {
		this.redis.execute(this.unlistRoom, List.of(this.keys.rooms()), roomKey, generation);
	}

	private static String listedName(String listed) {
		return listed.substring(listed.indexOf(' ') + 1);
	}

	private static List<String> sortedNames(List<?> names) {
		return names.stream().map(String.class::cast).sorted(Names.ORDER).toList();
	}

	private static String keyOrEmpty(String name) {
		return (name != null) ? Names.key(name) : "";
	}

	private static String millis(Instant instant) {
		return String.valueOf(instant.toEpochMilli());
	}

	private static Instant instant(String millis) {
		return Instant.ofEpochMilli(Long.parseLong(millis));
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static <T> RedisScript<T> script(String name, Class<?> resultType) {
		return RedisScript.of(new ClassPathResource(name + ".lua", RedisChatStore.class), (Class) resultType);
	}

	/**
	 * A script made of several files put one after the other, such as a function and the
	 * script that calls it.
	 * @param resultType the type of the script's answer
	 * @param names the files, without {@code .lua}
	 * @return the script
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static <T> RedisScript<T> script(Class<?> resultType, String... names) {
		StringBuilder source = new StringBuilder();
		for (String name : names) {
			try {
				source
					.append(new ClassPathResource(name + ".lua", RedisChatStore.class)
						.getContentAsString(StandardCharsets.UTF_8))
					.append('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return RedisScript.of(source.toString(), (Class) resultType);
	}

}
