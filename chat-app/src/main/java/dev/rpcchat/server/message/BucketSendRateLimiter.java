package dev.rpcchat.server.message;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import dev.rpcchat.server.store.Names;

/**
 * A {@link SendRateLimiter} with one Bucket4j token bucket per user in this process: a
 * capacity of {@code burst}, refilled greedily at {@code perSecond}.
 */
public class BucketSendRateLimiter implements SendRateLimiter {

	private final int perSecond;

	private final int burst;

	private final TimeMeter timeMeter;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	/**
	 * Creates the limiter.
	 * @param perSecond the sustained rate, positive
	 * @param burst the sends allowed at once
	 * @param clock the time source of the buckets
	 */
	public BucketSendRateLimiter(int perSecond, int burst, Clock clock) {
		this.perSecond = perSecond;
		this.burst = burst;
		this.timeMeter = new ClockTimeMeter(clock);
	}

	@Override
	public Duration tryAcquire(String username) {
		Bucket bucket = this.buckets.computeIfAbsent(Names.key(username), (key) -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
	}

	@Override
	public void forget(String username) {
		this.buckets.remove(Names.key(username));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.burst).refillGreedy(this.perSecond, Duration.ofSeconds(1)))
			.withCustomTimePrecision(this.timeMeter)
			.build();
	}

}
