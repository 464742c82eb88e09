package dev.rpcchat.server.push;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Renews the sessions of open, bound WebSockets every third of the session TTL, from the
 * application's start to its stop.
 */
final class SessionKeepAlive implements SmartLifecycle {

	private final SocketSessions sockets;

	private final Duration interval;

	private ScheduledThreadPoolExecutor executor;

	private ScheduledFuture<?> task;

	SessionKeepAlive(SocketSessions sockets, Duration sessionTtl) {
		this.sockets = sockets;
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
		this.task = this.executor.scheduleWithFixedDelay(this.sockets::renewAll, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.task.cancel(false);
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
