package dev.rpcchat.server.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import dev.rpcchat.api.Message;
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.PageResult;
import dev.rpcchat.server.store.ReadRequest;
import dev.rpcchat.server.store.ReadResult;
import dev.rpcchat.server.store.SendRefusal;
import dev.rpcchat.server.store.SendRequest;
import dev.rpcchat.server.store.SendResult;
import dev.rpcchat.server.store.StoreLimits;

/**
 * The messages of the Redis store: a send and a read each in one script over the keys of
 * the session, the room and the rate, and pages of a room's log. A room's log is a Stream
 * whose ids ({@code <id>-0}) are the message ids.
 */
class RedisMessages {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final StoreLimits limits;

	RedisMessages(StringRedisTemplate redis, RedisKeys keys, StoreLimits limits) {
		this.redis = redis;
		this.keys = keys;
		this.limits = limits;
	}

	SendResult send(SendRequest request) {
		String userKey = Names.key(request.username());
		String roomKey = Names.key(request.roomName());
		String clientMsgId = Objects.requireNonNullElse(request.clientMsgId(), "");
		List<?> result = this.redis.execute(RedisScripts.SEND,
				List.of(this.keys.token(request.tokenHash()), this.keys.expiries(),
						this.keys.sentBy(userKey, clientMsgId), this.keys.sendRate(userKey), this.keys.room(roomKey),
						this.keys.members(roomKey), this.keys.log(roomKey), this.keys.broadcasts(roomKey)),
				RedisValues.millis(request.now()), RedisValues.millis(request.sessionExpiresAt()), userKey,
				RedisValues.keyOrEmpty(request.recipient()), request.content(), clientMsgId,
				String.valueOf(ChatStore.IDEMPOTENCY_WINDOW.toMillis()),
				String.valueOf(this.limits.sendRate().interval().toNanos() / 1_000_000.0),
				String.valueOf(this.limits.sendRate().burst()), String.valueOf(this.limits.historyLimit()),
				String.valueOf(RedisRooms.BROADCASTS_KEPT), this.keys.appendedChannel());
		return switch (ScriptOutcome.of(result.get(0))) {
			case OK -> new SendResult.Stored(StoredMessages.decode((String) result.get(1)));
			case DUPLICATE -> new SendResult.Duplicate(StoredMessages.decode((String) result.get(1)));
			case RATE_LIMITED ->
				new SendResult.RateLimited(Duration.ofNanos(((Number) result.get(1)).longValue() * 1000));
			case UNAUTHORIZED -> new SendResult.Unauthorized();
			case NO_SUCH_ROOM -> new SendResult.Refused(SendRefusal.NO_SUCH_ROOM);
			case NOT_MEMBER -> new SendResult.Refused(SendRefusal.SENDER_NOT_IN_ROOM);
			case RECIPIENT_NOT_IN_ROOM -> new SendResult.Refused(SendRefusal.RECIPIENT_NOT_IN_ROOM);
			default -> throw new IllegalStateException("send.lua answered " + result.get(0));
		};
	}

	Optional<Message> findSent(String username, String clientMsgId, Instant now) {
		String sent = this.redis.opsForValue().get(this.keys.sentBy(Names.key(username), clientMsgId));
		if (sent == null) {
			return Optional.empty();
		}
		int separator = sent.indexOf(' ');
		Instant sentAt = RedisValues.instant(sent.substring(0, separator));
		if (!now.isBefore(sentAt.plus(ChatStore.IDEMPOTENCY_WINDOW))) {
			return Optional.empty();
		}
		return Optional.of(StoredMessages.decode(sent.substring(separator + 1)));
	}

	ReadResult read(ReadRequest request) {
		String userKey = Names.key(request.username());
		String roomKey = Names.key(request.roomName());
		List<?> result = this.redis.execute(RedisScripts.READ,
				List.of(this.keys.token(request.tokenHash()), this.keys.expiries(), this.keys.room(roomKey),
						this.keys.members(roomKey), this.keys.cursors(roomKey), this.keys.floors(roomKey),
						this.keys.log(roomKey)),
				RedisValues.millis(request.now()), RedisValues.millis(request.sessionExpiresAt()), userKey,
				(request.afterId() != null) ? RedisValues.id(request.afterId()) : "", String.valueOf(request.limit()));
		return switch (ScriptOutcome.of(result.get(0))) {
			case OK -> new ReadResult.Messages(StoredMessages.decodeAll((List<?>) result.get(1)));
			case UNAUTHORIZED -> new ReadResult.Unauthorized();
			case NOT_MEMBER -> new ReadResult.NotMember();
			default -> new ReadResult.NoSuchRoom();
		};
	}

	PageResult page(String roomName, String member, String direction, long id, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive");
		}
		String roomKey = Names.key(roomName);
		List<?> result = this.redis.execute(RedisScripts.PAGE,
				List.of(this.keys.room(roomKey), this.keys.members(roomKey), this.keys.floors(roomKey),
						this.keys.log(roomKey)),
				Names.key(member), direction, RedisValues.id(id), String.valueOf(limit));
		return switch (ScriptOutcome.of(result.get(0))) {
			case OK -> new PageResult.Page(StoredMessages.decodeAll((List<?>) result.get(3)),
					((Number) result.get(1)).intValue() == 1, ((Number) result.get(2)).longValue());
			case NOT_MEMBER -> new PageResult.NotMember();
			default -> new PageResult.NoSuchRoom();
		};
	}

}
