package dev.rpcchat.server.store.redis;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts a listener container's subscription with the application, and, if Redis cannot
 * be reached then, keeps trying in the background instead of failing the start: the
 * instance comes up, reports Redis down and answers its calls with an error until Redis
 * is back. Once subscribed, the container itself re-subscribes after a lost connection.
 */
class RedisSubscriptionStarter implements SmartLifecycle {

	/** How long to wait between two attempts while Redis is down. */
	static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);

	private static final Logger logger = LoggerFactory.getLogger(RedisSubscriptionStarter.class);

	private final RedisMessageListenerContainer container;

	private final Duration retryInterval;

	private volatile boolean running;

	private Thread retrying;

	/**
	 * Creates the starter.
	 * @param container the container, not started by the context itself
	 * @param retryInterval how long to wait between two attempts while Redis is down
	 */
	RedisSubscriptionStarter(RedisMessageListenerContainer container, Duration retryInterval) {
		this.container = container;
		this.retryInterval = retryInterval;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (!tryStart(true)) {
			this.retrying = Thread.ofVirtual().name("redis-subscription-starter").start(this::retryUntilStarted);
		}
	}

	private void retryUntilStarted() {
		while (this.running) {
			try {
				Thread.sleep(this.retryInterval);
			}
			catch (InterruptedException ex) {
				return;
			}
			synchronized (this) {
				if (this.running && tryStart(false)) {
					logger.info("Redis is reachable again: subscribed to the messages of every instance");
					return;
				}
			}
		}
	}

	private boolean tryStart(boolean first) {
		try {
			this.container.start();
			return true;
		}
		catch (RuntimeException ex) {
			// Resets the container, so that the next start tries again.
			this.container.stop();
			if (first) {
				logger.warn("Redis cannot be reached ({}); starting anyway, retrying every {} s", ex.getMessage(),
						this.retryInterval.toSeconds());
			}
			else {
				logger.debug("Redis still cannot be reached", ex);
			}
			return false;
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.retrying != null) {
			this.retrying.interrupt();
			this.retrying = null;
		}
		this.container.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Subscribed before the web server takes requests, unsubscribed after it stops.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
