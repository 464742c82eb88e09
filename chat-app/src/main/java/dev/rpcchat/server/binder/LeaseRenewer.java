package dev.rpcchat.server.binder;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs the registration now and again every third of the lease; after a failure, retries
 * sooner with a growing backoff. Each new schedule cancels the previous one, as
 * spring-cloud-consul's {@code TtlScheduler} does.
 */
class LeaseRenewer {

	static final Duration FIRST_RETRY = Duration.ofMillis(250);

	private final Duration renewInterval;

	private final ScheduledThreadPoolExecutor executor;

	private BooleanSupplier attempt;

	private ScheduledFuture<?> task;

	private Duration backoff = FIRST_RETRY;

	private boolean stopped;

	/**
	 * Creates a renewer for a lease.
	 * @param lease the lease asked of the binder; renewed every third of it
	 */
	LeaseRenewer(Duration lease) {
		this.renewInterval = lease.dividedBy(3);
		this.executor = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().name("binder-lease-renewer").daemon().factory());
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	Duration renewInterval() {
		return this.renewInterval;
	}

	/**
	 * Starts running an attempt at once, then on schedule.
	 * @param attempt registers with the binder; {@code true} when it succeeded
	 */
	synchronized void start(BooleanSupplier attempt) {
		this.attempt = attempt;
		this.backoff = FIRST_RETRY;
		schedule(Duration.ZERO);
	}

	/**
	 * Cancels the schedule for good and waits, briefly, for an attempt under way, so that
	 * nothing registers again after the caller unregisters.
	 * @param patience how long to wait for an attempt under way
	 */
	void stop(Duration patience) {
		synchronized (this) {
			this.stopped = true;
			if (this.task != null) {
				this.task.cancel(false);
			}
		}
		this.executor.shutdown();
		try {
			this.executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		boolean succeeded = this.attempt.getAsBoolean();
		synchronized (this) {
			if (succeeded) {
				this.backoff = FIRST_RETRY;
				schedule(this.renewInterval);
			}
			else {
				schedule(this.backoff);
				this.backoff = min(this.backoff.multipliedBy(2), this.renewInterval);
			}
		}
	}

	private void schedule(Duration delay) {
		if (this.stopped) {
			return;
		}
		if (this.task != null) {
			this.task.cancel(false);
		}
		this.task = this.executor.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
