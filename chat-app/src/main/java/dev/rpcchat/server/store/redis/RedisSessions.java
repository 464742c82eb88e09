package dev.rpcchat.server.store.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.store.Claim;
import dev.rpcchat.server.store.Session;

/**
 * The sessions of the Redis store: the name a session holds, the session by its token
 * hash, and every session's expiry in one sorted set.
 */
class RedisSessions {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final long maxUsers;

	RedisSessions(StringRedisTemplate redis, RedisKeys keys, long maxUsers) {
		this.redis = redis;
		this.keys = keys;
		this.maxUsers = maxUsers;
	}

	Claim claim(Session session) {
		String userKey = Names.key(session.username());
		Long outcome = this.redis.execute(RedisScripts.CLAIM_USERNAME,
				List.of(this.keys.name(userKey), this.keys.token(session.tokenHash()), this.keys.expiries()),
				session.username(), session.tokenHash(), RedisValues.millis(session.expiresAt()), userKey,
				String.valueOf(this.maxUsers));
		return switch (ScriptOutcome.of(outcome)) {
			case OK -> Claim.CLAIMED;
			case FULL -> Claim.FULL;
			default -> Claim.TAKEN;
		};
	}

	Optional<Session> touch(String tokenHash, Instant now, Instant expiresAt) {
		List<?> renewed = this.redis.execute(RedisScripts.TOUCH_SESSION,
				List.of(this.keys.token(tokenHash), this.keys.expiries()), RedisValues.millis(now),
				RedisValues.millis(expiresAt));
		if (renewed == null || renewed.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(new Session((String) renewed.get(0), tokenHash, RedisValues.instant((String) renewed.get(1))));
	}

	boolean release(String username, String tokenHash) {
		return release(Names.key(username), tokenHash, "");
	}

	boolean releaseIfExpired(String username, Instant now) {
		String userKey = Names.key(username);
		String tokenHash = this.redis.opsForValue().get(this.keys.name(userKey));
		return tokenHash != null && release(userKey, tokenHash, RedisValues.millis(now));
	}

	private boolean release(String userKey, String tokenHash, String nowOrEmpty) {
		Long released = this.redis.execute(RedisScripts.RELEASE_USERNAME, List.of(this.keys.name(userKey),
				this.keys.token(tokenHash), this.keys.expiries(), this.keys.sendRate(userKey)), tokenHash, userKey,
				nowOrEmpty);
		return Long.valueOf(1).equals(released);
	}

	List<Session> expired(Instant now) {
		List<Session> expired = new ArrayList<>();
		for (String userKey : this.redis.opsForZSet()
			.rangeByScore(this.keys.expiries(), Double.NEGATIVE_INFINITY, now.toEpochMilli())) {
			String tokenHash = this.redis.opsForValue().get(this.keys.name(userKey));
			List<Object> session = (tokenHash != null)
					? this.redis.opsForHash().multiGet(this.keys.token(tokenHash), List.of("username", "expiresAt"))
					: List.of();
			if (!session.isEmpty() && session.get(0) != null
					&& !RedisValues.instant((String) session.get(1)).isAfter(now)) {
				expired
					.add(new Session((String) session.get(0), tokenHash, RedisValues.instant((String) session.get(1))));
			}
		}
		return expired;
	}

	long count() {
		return Objects.requireNonNullElse(this.redis.opsForZSet().zCard(this.keys.expiries()), 0L);
	}

}
