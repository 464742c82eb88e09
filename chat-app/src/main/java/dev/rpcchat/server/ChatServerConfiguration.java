package dev.rpcchat.server;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.rpc.RpcService;
import dev.rpcchat.server.message.MessageService;
import dev.rpcchat.server.push.PushService;
import dev.rpcchat.server.room.RoomService;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.user.UserRegistry;

/**
 * The chat service exposed at {@code POST /rpc}, the clock, and the store's gauges.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChatServerConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	DefaultChatService defaultChatService(UserRegistry users, RoomService rooms, MessageService messages,
			PushService push) {
		return new DefaultChatService(users, rooms, messages, push);
	}

	@Bean
	RpcService chatRpcService(DefaultChatService defaultChatService) {
		return new RpcService(ChatService.class, defaultChatService);
	}

	@Bean
	Gauge usersOnlineGauge(ChatStore store, MeterRegistry meterRegistry) {
		return Gauge.builder("chat.users.online", store, ChatStore::sessionCount)
			.description("Users with a session")
			.register(meterRegistry);
	}

	@Bean
	Gauge roomsGauge(ChatStore store, MeterRegistry meterRegistry) {
		return Gauge.builder("chat.rooms", store, ChatStore::roomCount)
			.description("Rooms that exist")
			.register(meterRegistry);
	}

}
