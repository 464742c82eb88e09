package dev.rpcchat.server.message;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.store.ChatStore;

/**
 * The message feature's beans; a store shared by several instances may bring its own
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

	@Bean
	@ConditionalOnMissingBean
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
