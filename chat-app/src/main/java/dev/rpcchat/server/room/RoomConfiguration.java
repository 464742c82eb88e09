package dev.rpcchat.server.room;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.rate.CallerRateLimit;
import dev.rpcchat.server.rate.RateLimit;
import dev.rpcchat.server.store.ChatStore;

/**
 * The room feature's beans.
 */
@Configuration(proxyBeanMethods = false)
class RoomConfiguration {

	@Bean
	RoomService roomService(ChatStore store, ChatProperties properties, Clock clock, MeterRegistry meterRegistry) {
		CallerRateLimit creations = new CallerRateLimit(RateLimit.perMinute(properties.limits().roomsPerMinute()),
				"Too many rooms created from your address", clock);
		return new RoomService(store, creations, clock, meterRegistry);
	}

	@Bean
	RoomReaper roomReaper(ChatStore store, ChatProperties properties, Clock clock, MeterRegistry meterRegistry) {
		return new RoomReaper(store, properties.rooms().idleTtl(), properties.rooms().reaperInterval(), clock,
				meterRegistry);
	}

}
