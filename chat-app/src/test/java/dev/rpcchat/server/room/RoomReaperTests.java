package dev.rpcchat.server.room;

import java.time.Duration;

import dev.rpcchat.test.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.store.TestLimits;
import dev.rpcchat.server.store.memory.MemoryChatStore;

import static org.assertj.core.api.Assertions.assertThat;

class RoomReaperTests {

	private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final MemoryChatStore store = new MemoryChatStore(TestLimits.history(100), (message) -> {
	});

	private final RoomReaper reaper = new RoomReaper(this.store, Duration.ofMinutes(5), Duration.ofSeconds(30),
			this.clock, this.meterRegistry);

	@Test
	void removesRoomEmptyLongerThanIdleTtl() {
		this.store.createRoom("geral", this.clock.instant());
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.reaper.reap()).isEqualTo(1);
		assertThat(this.store.roomNames()).isEmpty();
		assertThat(this.meterRegistry.counter("chat.rooms.reaped").count()).isEqualTo(1);
	}

	@Test
	void keepsRoomEmptyForLessThanIdleTtl() {
		this.store.createRoom("geral", this.clock.instant());
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.reaper.reap()).isZero();
		assertThat(this.store.roomNames()).containsExactly("geral");
	}

	@Test
	void neverRemovesRoomWithUsers() {
		this.store.createRoom("geral", this.clock.instant());
		this.store.claimUsername(new Session("ana", "h", this.clock.instant().plusSeconds(3600)));
		this.store.join("geral", "ana", 50, this.clock.instant());
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.reaper.reap()).isZero();
		assertThat(this.store.roomNames()).containsExactly("geral");
	}

	@Test
	void countsIdleTimeFromWhenTheLastUserLeft() {
		this.store.createRoom("geral", this.clock.instant());
		this.store.claimUsername(new Session("ana", "h", this.clock.instant().plusSeconds(3600)));
		this.store.join("geral", "ana", 50, this.clock.instant());
		this.clock.advance(Duration.ofMinutes(10));
		this.store.leave("geral", "ana", this.clock.instant());
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.reaper.reap()).isZero();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.reaper.reap()).isEqualTo(1);
	}

}
