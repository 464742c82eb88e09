package dev.rpcchat.server.message;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.store.ChatStore;

/**
 * The message feature's beans; on the memory store, also the in-process
 * {@link SendRateLimiter}.
 */
@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

	@Bean
	MessageWaiters messageWaiters(MeterRegistry meterRegistry) {
		MessageWaiters waiters = new MessageWaiters();
		meterRegistry.gauge("chat.longpolls.waiting", waiters, MessageWaiters::waiting);
		return waiters;
	}

	/**
	 * Wakes the long polls when the application stops, before the web server's graceful
	 * shutdown waits for the requests in flight.
	 */
	@Bean
	SmartLifecycle messageWaitersShutdown(MessageWaiters waiters) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				waiters.resume();
				this.running = true;
			}

			@Override
			public void stop() {
				this.running = false;
				waiters.wakeAllForShutdown();
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public int getPhase() {
				// Stopped before the graceful shutdown phase (DEFAULT_PHASE - 1024).
				return SmartLifecycle.DEFAULT_PHASE - 512;
			}

		};
	}

	// The Redis store brings a limiter shared by every instance.
	@Bean
	@ConditionalOnProperty(name = "chat.store", havingValue = "memory", matchIfMissing = true)
	SendRateLimiter sendRateLimiter(ChatProperties properties, Clock clock) {
		ChatProperties.Messages messages = properties.messages();
		if (messages.perSecond() == 0) {
			return new UnlimitedSendRateLimiter();
		}
		return new BucketSendRateLimiter(messages.perSecond(), messages.burst(), clock);
	}

	@Bean
	MessageService messageService(ChatStore store, MessageWaiters waiters, SendRateLimiter rateLimiter,
			ChatProperties properties, Clock clock, MeterRegistry meterRegistry) {
		return new MessageService(store, waiters, rateLimiter, properties, clock, meterRegistry);
	}

}
