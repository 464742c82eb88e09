package dev.rpcchat.server.store.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.rpcchat.server.message.SendRateLimiter;
import dev.rpcchat.server.store.Names;

/**
 * A {@link SendRateLimiter} whose token buckets live in Redis, so that a user's rate
 * holds across every instance: a capacity of {@code burst}, refilled greedily at
 * {@code perSecond}, taken from in one Lua script ({@code token-bucket.lua}), which the
 * {@link RedisChatStore} also runs inside its one-step send.
 */
class RedisSendRateLimiter implements SendRateLimiter {

	private static final RedisScript<Long> TAKE = RedisChatStore.script(Long.class, "token-bucket", "rate-limit");

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final int perSecond;

	private final int burst;

	private final Clock clock;

	/**
	 * Creates the limiter.
	 * @param redis the connection, with string keys and values
	 * @param keys the names of the keys
	 * @param perSecond the sustained rate, positive
	 * @param burst the sends allowed at once, positive
	 * @param clock the time source of the buckets
	 */
	RedisSendRateLimiter(StringRedisTemplate redis, RedisKeys keys, int perSecond, int burst, Clock clock) {
		if (perSecond < 1 || burst < 1) {
			throw new IllegalArgumentException("perSecond and burst must be positive");
		}
		this.redis = redis;
		this.keys = keys;
		this.perSecond = perSecond;
		this.burst = burst;
		this.clock = clock;
	}

	@Override
	public Duration tryAcquire(String username) {
		Long waitMicros = this.redis.execute(TAKE, List.of(key(username)), String.valueOf(this.clock.millis()),
				String.valueOf(this.perSecond), String.valueOf(this.burst));
		return (waitMicros == null || waitMicros == 0) ? Duration.ZERO : Duration.ofNanos(waitMicros * 1000);
	}

	@Override
	public void forget(String username) {
		this.redis.delete(key(username));
	}

	/**
	 * Whether this limiter's buckets are those of a store with these keys, so that the
	 * store may take from them in its own scripts.
	 */
	boolean usesKeys(RedisKeys keys) {
		return this.keys.equals(keys);
	}

	String key(String username) {
		return this.keys.rateLimit(Names.key(username));
	}

	int perSecond() {
		return this.perSecond;
	}

	int burst() {
		return this.burst;
	}

}
