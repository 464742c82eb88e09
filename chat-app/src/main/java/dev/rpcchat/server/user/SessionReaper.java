package dev.rpcchat.server.user;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.Session;

/**
 * Signs out the users whose sessions have expired: each leaves every room (announced) and
 * the name is free again.
 */
class SessionReaper implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(SessionReaper.class);

	private final ChatStore store;

	private final UserRegistry users;

	private final Duration interval;

	private final Clock clock;

	SessionReaper(ChatStore store, UserRegistry users, Duration interval, Clock clock) {
		this.store = store;
		this.users = users;
		this.interval = interval;
		this.clock = clock;
	}

	/**
	 * Sweeps every {@code chat.rooms.reaper-interval}.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::reap, this.interval, this.interval));
	}

	/**
	 * One sweep: collects the expired sessions, then ends each that is still expired.
	 * @return how many sessions were ended
	 */
	int reap() {
		try {
			List<Session> expired = this.store.expiredSessions(this.clock.instant());
			int ended = (int) expired.stream().filter(this.users::expire).count();
			if (ended > 0) {
				logger.info("Signed out {} user(s) whose session expired", ended);
			}
			this.store.evictExpired(this.clock.instant());
			return ended;
		}
		catch (RuntimeException ex) {
			// One line each sweep while the store is down; the trace only when asked for.
			logger.warn("Session reaper sweep failed: {}", ex.getMessage());
			logger.debug("Session reaper sweep failure", ex);
			return 0;
		}
	}

}
