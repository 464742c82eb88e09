package dev.rpcchat.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the tests move by hand, safe to read and move from several threads. Its copies
 * in other zones ({@link #withZone}) show the same instant and move with it.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/**
	 * A clock in UTC that stands at the given instant until moved.
	 * @param instant such as {@code 2026-01-01T00:00:00Z}
	 * @return the clock
	 */
	public static MutableClock at(String instant) {
		return new MutableClock(new AtomicReference<>(Instant.parse(instant)), ZoneOffset.UTC);
	}

	/**
	 * Moves the clock.
	 * @param duration how far (forward when positive)
	 */
	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.now, zone);
	}

}
