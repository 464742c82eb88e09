package dev.rpcchat.server.rate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets in this process, one per key, all of one {@link RateLimit}: each bucket
 * is kept as the time at which it will be full again (GCRA, the algorithm of the Redis
 * store's {@code token-bucket.lua}), so a full bucket is no entry at all. Times come from
 * the caller.
 */
public class TokenBuckets {

	private final RateLimit limit;

	/** When each bucket is full again, in nanoseconds of the epoch. */
	private final ConcurrentMap<String, Long> fullAt = new ConcurrentHashMap<>();

	/**
	 * Creates empty buckets.
	 * @param limit the shape of every bucket
	 */
	public TokenBuckets(RateLimit limit) {
		this.limit = limit;
	}

	/**
	 * Takes one token from a key's bucket, if it holds one.
	 * @param key whose bucket
	 * @param now the current time
	 * @return {@link Duration#ZERO} if a token was taken, else how long until one can be
	 */
	public Duration take(String key, Instant now) {
		if (this.limit.isOff()) {
			return Duration.ZERO;
		}
		long nowNanos = nanos(now);
		long interval = this.limit.interval().toNanos();
		long[] wait = new long[1];
		this.fullAt.compute(key, (bucket, full) -> {
			long start = (full == null || full < nowNanos) ? nowNanos : full;
			long excess = start - nowNanos - (this.limit.burst() - 1) * interval;
			if (excess > 0) {
				wait[0] = excess;
				return full;
			}
			return start + interval;
		});
		return Duration.ofNanos(wait[0]);
	}

	/**
	 * Forgets a key's bucket: its next take finds it full.
	 * @param key whose bucket
	 */
	public void forget(String key) {
		this.fullAt.remove(key);
	}

	/**
	 * Forgets the buckets that are full again at {@code now}, which cost nothing to
	 * recreate; called periodically.
	 * @param now the current time
	 */
	public void evictFull(Instant now) {
		long nowNanos = nanos(now);
		this.fullAt.values().removeIf((full) -> full <= nowNanos);
	}

	/**
	 * How many buckets are not full.
	 * @return the number of keys remembered
	 */
	public int size() {
		return this.fullAt.size();
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

}
