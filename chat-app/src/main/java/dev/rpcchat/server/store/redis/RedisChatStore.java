package dev.rpcchat.server.store.redis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import dev.rpcchat.api.Message;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.Claim;
import dev.rpcchat.server.store.CreateResult;
import dev.rpcchat.server.store.JoinResult;
import dev.rpcchat.server.store.LeaveResult;
import dev.rpcchat.server.store.PageResult;
import dev.rpcchat.server.store.ReadRequest;
import dev.rpcchat.server.store.ReadResult;
import dev.rpcchat.server.store.SendRequest;
import dev.rpcchat.server.store.SendResult;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.store.StoreLimits;

/**
 * The {@link ChatStore} that several chat-app instances share: Redis (standalone or
 * Sentinel, not Cluster), each step one Lua script ({@link RedisScripts}); appended
 * messages are published on one channel for every instance's waiters. Sessions, rooms and
 * messages each have a class of their own. While Redis cannot be reached, or does not
 * answer within the command timeout, every step throws
 * {@link dev.rpcchat.api.ErrorCode#STORE_UNAVAILABLE} ({@link RedisUnavailable}).
 */
class RedisChatStore implements ChatStore {

	private final RedisSessions sessions;

	private final RedisRooms rooms;

	private final RedisMessages messages;

	private final RedisUnavailable unavailable = new RedisUnavailable();

	/**
	 * Creates the store.
	 * @param redis the connection, with string keys and values
	 * @param keys the names of the keys
	 * @param limits the messages kept per room, the send rate, the most users and rooms
	 */
	RedisChatStore(StringRedisTemplate redis, RedisKeys keys, StoreLimits limits) {
		this.sessions = new RedisSessions(redis, keys, limits.maxUsers());
		this.rooms = new RedisRooms(redis, keys, limits);
		this.messages = new RedisMessages(redis, keys, limits);
	}

	@Override
	public Claim claimUsername(Session session) {
		return this.unavailable.run(() -> this.sessions.claim(session));
	}

	@Override
	public Optional<Session> touchSession(String tokenHash, Instant now, Instant expiresAt) {
		return this.unavailable.run(() -> this.sessions.touch(tokenHash, now, expiresAt));
	}

	@Override
	public boolean releaseUsername(String username, String tokenHash) {
		return this.unavailable.run(() -> this.sessions.release(username, tokenHash));
	}

	@Override
	public boolean releaseUsernameIfExpired(String username, Instant now) {
		return this.unavailable.run(() -> this.sessions.releaseIfExpired(username, now));
	}

	@Override
	public List<Session> expiredSessions(Instant now) {
		return this.unavailable.run(() -> this.sessions.expired(now));
	}

	@Override
	public long sessionCount() {
		return this.unavailable.run(() -> this.sessions.count());
	}

	@Override
	public CreateResult createRoom(String roomName, Instant now) {
		return this.unavailable.run(() -> this.rooms.create(roomName, now));
	}

	@Override
	public List<String> roomNames() {
		return this.unavailable.run(() -> this.rooms.names());
	}

	@Override
	public long roomCount() {
		return this.unavailable.run(() -> this.rooms.count());
	}

	@Override
	public Optional<List<String>> members(String roomName) {
		return this.unavailable.run(() -> this.rooms.members(roomName));
	}

	@Override
	public List<String> roomsOf(String username) {
		return this.unavailable.run(() -> this.rooms.roomsOf(username));
	}

	@Override
	public JoinResult join(String roomName, String username, int recentBroadcasts, Instant now) {
		return this.unavailable.run(() -> this.rooms.join(roomName, username, recentBroadcasts, now));
	}

	@Override
	public LeaveResult leave(String roomName, String username, Instant now) {
		return this.unavailable.run(() -> this.rooms.leave(roomName, username, now));
	}

	@Override
	public SendResult send(SendRequest request) {
		return this.unavailable.run(() -> this.messages.send(request));
	}

	@Override
	public Optional<Message> findSent(String username, String clientMsgId, Instant now) {
		return this.unavailable.run(() -> this.messages.findSent(username, clientMsgId, now));
	}

	@Override
	public ReadResult read(ReadRequest request) {
		return this.unavailable.run(() -> this.messages.read(request));
	}

	@Override
	public PageResult messagesAfter(String roomName, String member, long afterId, int limit) {
		return this.unavailable.run(() -> this.messages.page(roomName, member, "after", afterId, limit));
	}

	@Override
	public PageResult messagesBefore(String roomName, String member, long beforeId, int limit) {
		return this.unavailable.run(() -> this.messages.page(roomName, member, "before", beforeId, limit));
	}

	@Override
	public List<String> idleRooms(Instant emptySince) {
		return this.unavailable.run(() -> this.rooms.idle(emptySince));
	}

	@Override
	public boolean removeRoomIfIdle(String roomName, Instant emptySince) {
		return this.unavailable.run(() -> this.rooms.removeIfIdle(roomName, emptySince));
	}

}
