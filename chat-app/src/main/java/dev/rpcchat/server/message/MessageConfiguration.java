package dev.rpcchat.server.message;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.user.UserRegistry;

/**
 * The message feature's beans.
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

	@Bean
	MessageContent messageContent(ChatProperties properties) {
		return new MessageContent(properties.messages().maxLength());
	}

	@Bean
	SendService sendService(ChatStore store, UserRegistry users, MessageContent messageContent, Clock clock,
			MeterRegistry meterRegistry) {
		return new SendService(store, users, messageContent, clock, meterRegistry);
	}

	@Bean
	HistoryService historyService(ChatStore store, UserRegistry users) {
		return new HistoryService(store, users);
	}

	@Bean
	ReceiveService receiveService(ChatStore store, UserRegistry users, MessageWaiters waiters, Clock clock) {
		return new ReceiveService(store, users, waiters, clock);
	}

}
