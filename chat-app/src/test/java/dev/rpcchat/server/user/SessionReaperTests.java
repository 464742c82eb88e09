package dev.rpcchat.server.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.test.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.server.rate.CallerRateLimit;
import dev.rpcchat.server.rate.RateLimit;
import dev.rpcchat.server.room.RoomService;
import dev.rpcchat.server.store.TestLimits;
import dev.rpcchat.server.store.memory.MemoryChatStore;

import static org.assertj.core.api.Assertions.assertThat;

class SessionReaperTests {

	private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

	private final List<Message> appended = new ArrayList<>();

	private final MemoryChatStore store = new MemoryChatStore(TestLimits.history(100), this.appended::add);

	private final RoomService rooms = new RoomService(this.store, new CallerRateLimit(RateLimit.OFF, "", this.clock),
			this.clock, new SimpleMeterRegistry());

	private final UserRegistry users = new UserRegistry(this.store, this.rooms, Duration.ofMinutes(10),
			new CallerRateLimit(RateLimit.OFF, "", this.clock), this.clock);

	private final SessionReaper reaper = new SessionReaper(this.store, this.users, Duration.ofSeconds(30), this.clock);

	@Test
	void signsOutAUserIdleLongerThanTheSessionTtlLeavingEveryRoomAnnounced() {
		RegisteredUser ana = this.users.register("Ana");
		this.rooms.create("one");
		this.rooms.create("two");
		this.rooms.join("Ana", "one");
		this.rooms.join("Ana", "two");
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.reaper.reap()).isEqualTo(1);
		assertThat(this.appended).extracting(Message::content)
			.containsExactly("Ana joined", "Ana joined", "Ana left", "Ana left");
		assertThat(this.store.roomsOf("ana")).isEmpty();
		assertThat(this.users.register("ana").token()).isNotEqualTo(ana.token());
	}

	@Test
	void keepsASessionYoungerThanTheSessionTtl() {
		this.users.register("ana");
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.reaper.reap()).isZero();
		assertThat(this.store.sessionCount()).isEqualTo(1);
	}

}
