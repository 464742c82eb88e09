package dev.rpcchat.binder;

import java.time.Duration;

import dev.rpcchat.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationSweeperTests {

	private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

	private final ProcedureRegistry registry = new ProcedureRegistry(this.clock);

	private final RegistrationSweeper sweeper = new RegistrationSweeper(this.registry, this.clock);

	@Test
	void removesExpiredLeasesAndKeepsLiveAndPermanentEntries() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", Duration.ofSeconds(30));
		this.registry.register("join_room", "10.0.0.2", 7000, "http", Duration.ofMinutes(5));
		this.registry.register("join_room", "10.0.0.3", 7000, "http", null);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.sweeper.sweep()).isOne();
		assertThat(this.registry.expired(this.clock.instant())).isEmpty();
		assertThat(this.registry.list()).extracting(Registration::address).containsExactly("10.0.0.2", "10.0.0.3");
	}

	@Test
	void sweepingNothingRemovesNothing() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", Duration.ofSeconds(30));
		assertThat(this.sweeper.sweep()).isZero();
		assertThat(this.registry.list()).hasSize(1);
	}

}
