package dev.rpcchat.server.rate;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket's shape: {@code burst} tokens that may be taken at once, one more every
 * {@code interval}; an interval of zero turns the limit off.
 *
 * @param interval how long one token takes to come back, {@link Duration#ZERO} for no
 * limit
 * @param burst how many may be taken at once before the rate applies, positive
 */
public record RateLimit(Duration interval, int burst) {

	/** No limit. */
	public static final RateLimit OFF = new RateLimit(Duration.ZERO, 1);

	public RateLimit {
		Objects.requireNonNull(interval, "interval");
		if (interval.isNegative() || burst < 1) {
			throw new IllegalArgumentException("interval must not be negative and burst must be positive");
		}
	}

	/**
	 * A sustained rate per second with a burst; a rate of 0 is no limit.
	 * @param perSecond the sustained rate, 0 for no limit
	 * @param burst how many at once
	 * @return the limit
	 */
	public static RateLimit perSecond(int perSecond, int burst) {
		return (perSecond == 0) ? OFF : new RateLimit(Duration.ofNanos(1_000_000_000L / perSecond), burst);
	}

	/**
	 * A sustained rate per minute whose burst is as many; a rate of 0 is no limit.
	 * @param perMinute how many a minute, 0 for no limit
	 * @return the limit
	 */
	public static RateLimit perMinute(int perMinute) {
		return (perMinute == 0) ? OFF : new RateLimit(Duration.ofNanos(60_000_000_000L / perMinute), perMinute);
	}

	/**
	 * Whether this limit lets everything through.
	 * @return whether the interval is zero
	 */
	public boolean isOff() {
		return this.interval.isZero();
	}

}
