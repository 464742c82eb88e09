package dev.rpcchat.server.user;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.rate.CallerRateLimit;
import dev.rpcchat.server.rate.RateLimit;
import dev.rpcchat.server.room.RoomService;
import dev.rpcchat.server.store.ChatStore;

/**
 * The user feature's beans.
 */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	@Bean
	UserRegistry userRegistry(ChatStore store, RoomService rooms, ChatProperties properties, Clock clock) {
		CallerRateLimit registrations = new CallerRateLimit(
				RateLimit.perMinute(properties.limits().registrationsPerMinute()),
				"Too many registrations from your address", clock);
		return new UserRegistry(store, rooms, properties.users().sessionTtl(), registrations, clock);
	}

	@Bean
	SessionReaper sessionReaper(ChatStore store, UserRegistry users, ChatProperties properties, Clock clock) {
		return new SessionReaper(store, users, properties.rooms().reaperInterval(), clock);
	}

}
