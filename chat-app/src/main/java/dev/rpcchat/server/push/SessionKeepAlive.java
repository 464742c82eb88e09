package dev.rpcchat.server.push;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Renews the sessions of open, bound WebSockets every third of the session TTL, and has
 * the room feeds check for lost wake-ups every {@link #RESYNC_INTERVAL}, from the
 * application's start to its stop.
 */
final class SessionKeepAlive implements SmartLifecycle {

	/**
	 * How long a message whose wake-up was lost may wait for the next one of its room.
	 */
	static final Duration RESYNC_INTERVAL = Duration.ofSeconds(5);

	private final SocketSessions sockets;

	private final RoomFeeds feeds;

	private final Duration interval;

	private ScheduledThreadPoolExecutor executor;

	private ScheduledFuture<?> renewal;

	private ScheduledFuture<?> resync;

	SessionKeepAlive(SocketSessions sockets, RoomFeeds feeds, Duration sessionTtl) {
		this.sockets = sockets;
		this.feeds = feeds;
		this.interval = sessionTtl.dividedBy(3);
	}

	Duration interval() {
		return this.interval;
	}

	@Override
	public synchronized void start() {
		this.executor = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().name("chat-socket-sessions").daemon().factory());
		long millis = Math.max(1, this.interval.toMillis());
		this.renewal = this.executor.scheduleWithFixedDelay(this.sockets::renewAll, millis, millis,
				TimeUnit.MILLISECONDS);
		long resyncMillis = RESYNC_INTERVAL.toMillis();
		this.resync = this.executor.scheduleWithFixedDelay(this.feeds::resyncAll, resyncMillis, resyncMillis,
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.renewal.cancel(false);
			this.resync.cancel(false);
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
