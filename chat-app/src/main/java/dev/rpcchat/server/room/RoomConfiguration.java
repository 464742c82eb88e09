package dev.rpcchat.server.room;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.store.ChatStore;

/**
 * The room feature's beans.
 */
@Configuration(proxyBeanMethods = false)
class RoomConfiguration {

	@Bean
	RoomService roomService(ChatStore store, Clock clock, MeterRegistry meterRegistry) {
		return new RoomService(store, clock, meterRegistry);
	}

	@Bean
	RoomReaper roomReaper(ChatStore store, ChatProperties properties, Clock clock, MeterRegistry meterRegistry) {
		return new RoomReaper(store, properties.rooms().idleTtl(), clock, meterRegistry);
	}

}
