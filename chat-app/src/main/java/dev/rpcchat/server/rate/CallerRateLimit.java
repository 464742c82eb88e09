package dev.rpcchat.server.rate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.rpc.RpcCaller;

/**
 * A rate limit per client address for one kind of call, in this process: each address a
 * bucket of {@link TokenBuckets}. A call with no known address shares the bucket of the
 * other such calls.
 */
public class CallerRateLimit {

	/**
	 * Past this many remembered addresses, those whose bucket is full again are
	 * forgotten.
	 */
	private static final int EVICT_PAST = 10_000;

	private final TokenBuckets buckets;

	private final String refusal;

	private final Clock clock;

	/**
	 * Creates the limit.
	 * @param limit the shape of each address's bucket
	 * @param refusal the sentence of the error, such as "Too many registrations from your
	 * address"
	 * @param clock the time of the buckets
	 */
	public CallerRateLimit(RateLimit limit, String refusal, Clock clock) {
		this.buckets = new TokenBuckets(limit);
		this.refusal = refusal;
		this.clock = clock;
	}

	/**
	 * Takes one call from the current caller's address.
	 * @throws ChatException {@link ErrorCode#RATE_LIMITED} with {@code retry_after_ms}
	 * when the address has made too many such calls
	 */
	public void take() {
		String address = RpcCaller.remoteAddress().orElse("");
		Duration retryAfter = this.buckets.take(address, this.clock.instant());
		if (this.buckets.size() > EVICT_PAST) {
			this.buckets.evictFull(this.clock.instant());
		}
		if (!retryAfter.isZero()) {
			long retryAfterMs = Math.max(1, (retryAfter.toNanos() + 999_999) / 1_000_000);
			throw new ChatException(ErrorCode.RATE_LIMITED,
					this.refusal + "; try again in " + Math.max(1, retryAfterMs / 1000) + " s.",
					Map.of("retry_after_ms", retryAfterMs));
		}
	}

}
