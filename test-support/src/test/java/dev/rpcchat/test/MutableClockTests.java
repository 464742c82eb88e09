package dev.rpcchat.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MutableClockTests {

	@Test
	void standsStillUntilMovedAndItsCopiesInOtherZonesMoveWithIt() {
		MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
		Clock lisbon = clock.withZone(ZoneId.of("Europe/Lisbon"));
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z")).isEqualTo(clock.instant());
		clock.advance(Duration.ofMinutes(6));
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:06:00Z"));
		assertThat(lisbon.instant()).isEqualTo(clock.instant());
		assertThat(lisbon.getZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
	}

}
