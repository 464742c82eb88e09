package dev.rpcchat.server.push;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.api.WireJson;
import dev.rpcchat.rpc.ws.RpcWebSocketSettings;
import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.message.MessageWaiters;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.user.UserRegistry;

/**
 * JSON-RPC over WebSocket at {@code /rpc} for the chat, with sessions bound to sockets
 * and messages pushed to subscribed sockets.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatWebProperties.class)
class PushConfiguration {

	@Bean
	RpcWebSocketSettings rpcWebSocketSettings(ChatWebProperties web) {
		return new RpcWebSocketSettings(List.copyOf(web.allowedOrigins()), web.pingInterval(), web.pongTimeout(),
				(int) Math.min(Integer.MAX_VALUE, web.maxQueued().toBytes()), web.maxCallsInFlight());
	}

	@Bean
	SocketSessions socketSessions(UserRegistry users, MeterRegistry meterRegistry) {
		SocketSessions sockets = new SocketSessions(users);
		Gauge.builder("chat.websockets.open", sockets, SocketSessions::size)
			.description("WebSockets open on this instance")
			.register(meterRegistry);
		return sockets;
	}

	@Bean
	SessionKeepAlive socketSessionKeepAlive(SocketSessions sockets, ChatProperties properties) {
		return new SessionKeepAlive(sockets, properties.users().sessionTtl());
	}

	@Bean
	RoomFeeds roomFeeds(ChatStore store, UserRegistry users, SocketSessions sockets, MessageWaiters waiters,
			MeterRegistry meterRegistry) {
		RoomFeeds feeds = new RoomFeeds(store, users, sockets, WireJson.newObjectMapper());
		waiters.alsoNotify(feeds::appended);
		Gauge.builder("chat.push.rooms", feeds, RoomFeeds::size)
			.description("Rooms with subscribed WebSockets on this instance")
			.register(meterRegistry);
		return feeds;
	}

	@Bean
	PushService pushService(SocketSessions sockets, RoomFeeds feeds, UserRegistry users, ChatStore store,
			RpcWebSocketSettings settings) {
		return new PushService(sockets, feeds, users, store, settings.maxQueuedBytes());
	}

}
