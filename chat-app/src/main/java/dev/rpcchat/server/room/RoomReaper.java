package dev.rpcchat.server.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import dev.rpcchat.server.store.ChatStore;

/**
 * Removes, with their history, the rooms that have had no users for
 * {@code chat.rooms.idle-ttl}; never a room with users.
 */
class RoomReaper implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(RoomReaper.class);

	private final ChatStore store;

	private final Duration idleTtl;

	private final Duration interval;

	private final Clock clock;

	private final Counter reaped;

	RoomReaper(ChatStore store, Duration idleTtl, Duration interval, Clock clock, MeterRegistry meterRegistry) {
		this.store = store;
		this.idleTtl = idleTtl;
		this.interval = interval;
		this.clock = clock;
		this.reaped = Counter.builder("chat.rooms.reaped")
			.description("Rooms removed after being empty too long")
			.register(meterRegistry);
	}

	/**
	 * Sweeps every {@code chat.rooms.reaper-interval}.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::reap, this.interval, this.interval));
	}

	/**
	 * One sweep: collects the idle rooms, then removes each that is still idle.
	 * @return how many rooms were removed
	 */
	int reap() {
		try {
			Instant emptySince = this.clock.instant().minus(this.idleTtl);
			List<String> idle = this.store.idleRooms(emptySince);
			List<String> removed = idle.stream()
				.filter((room) -> this.store.removeRoomIfIdle(room, emptySince))
				.toList();
			if (!removed.isEmpty()) {
				this.reaped.increment(removed.size());
				logger.info("Reaped {} room(s) empty for {} or longer: {}", removed.size(), this.idleTtl, removed);
			}
			return removed.size();
		}
		catch (RuntimeException ex) {
			// One line each sweep while the store is down; the trace only when asked for.
			logger.warn("Room reaper sweep failed: {}", ex.getMessage());
			logger.debug("Room reaper sweep failure", ex);
			return 0;
		}
	}

}
