package dev.rpcchat.server.user;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.Session;

/**
 * Signs out the users whose sessions have expired: each leaves every room (announced) and
 * the name is free again.
 */
class SessionReaper {

	private static final Logger logger = LoggerFactory.getLogger(SessionReaper.class);

	private final ChatStore store;

	private final UserRegistry users;

	private final Clock clock;

	SessionReaper(ChatStore store, UserRegistry users, Clock clock) {
		this.store = store;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * One sweep: collects the expired sessions, then ends each that is still expired.
	 * @return how many sessions were ended
	 */
	@Scheduled(fixedDelayString = "${chat.rooms.reaper-interval:30s}",
			initialDelayString = "${chat.rooms.reaper-interval:30s}")
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
			logger.warn("Session reaper sweep failed: {}", ex.getMessage(), ex);
			return 0;
		}
	}

}
