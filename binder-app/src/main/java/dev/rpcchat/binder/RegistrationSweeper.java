package dev.rpcchat.binder;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes expired leases every {@code binder.sweep-interval}; lookups stop seeing them
 * the moment they expire, this only frees their memory.
 */
@Component
class RegistrationSweeper {

	private static final Logger logger = LoggerFactory.getLogger(RegistrationSweeper.class);

	private final ProcedureRegistry registry;

	private final Clock clock;

	RegistrationSweeper(ProcedureRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * Collects the expired leases, then removes each one unless it was renewed meanwhile.
	 * @return how many entries were removed
	 */
	@Scheduled(fixedDelayString = "${binder.sweep-interval:10s}", initialDelayString = "${binder.sweep-interval:10s}")
	int sweep() {
		try {
			List<Registration> expired = this.registry.expired(this.clock.instant());
			int removed = (int) expired.stream().filter(this.registry::remove).count();
			if (removed > 0) {
				logger.info("Swept {} expired registration(s); {} live", removed, this.registry.list().size());
			}
			return removed;
		}
		catch (RuntimeException ex) {
			logger.warn("Sweeping expired registrations failed; will try again", ex);
			return 0;
		}
	}

}
