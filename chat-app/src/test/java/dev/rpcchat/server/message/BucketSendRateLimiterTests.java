package dev.rpcchat.server.message;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.rpcchat.server.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class BucketSendRateLimiterTests {

	private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

	private final BucketSendRateLimiter limiter = new BucketSendRateLimiter(2, 3, this.clock);

	@Test
	void allowsTheBurstThenSaysHowLongToWait() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryAcquire("ana")).isZero();
		}
		assertThat(this.limiter.tryAcquire("ana")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void refillsAtTheSustainedRate() {
		for (int i = 0; i < 3; i++) {
			this.limiter.tryAcquire("ana");
		}
		this.clock.advance(Duration.ofMillis(500));
		assertThat(this.limiter.tryAcquire("ana")).isZero();
		assertThat(this.limiter.tryAcquire("ana")).isPositive();
	}

	@Test
	void limitsEachUserSeparatelyCaseInsensitively() {
		for (int i = 0; i < 3; i++) {
			this.limiter.tryAcquire("Ana");
		}
		assertThat(this.limiter.tryAcquire("ana")).isPositive();
		assertThat(this.limiter.tryAcquire("bob")).isZero();
		this.limiter.forget("ANA");
		assertThat(this.limiter.tryAcquire("ana")).isZero();
	}

}
