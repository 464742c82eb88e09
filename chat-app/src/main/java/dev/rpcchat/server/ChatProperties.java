package dev.rpcchat.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.rpcchat.server.rate.RateLimit;
import dev.rpcchat.server.store.StoreLimits;

/**
 * The chat server's settings, with protocol.md's names and defaults: the one place the
 * defaults are written. A {@code chat.*} property that is not one of these stops the
 * start, as does a value outside its bounds ({@link ChatPropertiesFailureAnalyzer} names
 * the property as it is written).
 *
 * @param binder where the binder is and how to authenticate to it
 * @param advertisedAddress the address registered with the binder for this server
 * @param registration the lease asked of the binder
 * @param rooms room lifetime and history
 * @param users session lifetime
 * @param messages message length and rate limits
 * @param store which store holds the state: {@code memory} or {@code redis}
 * @param limits how many users and rooms, and how fast one client address may add them
 * @param web how browsers and WebSocket clients may use the server
 * @param tls what this server trusts when it calls over HTTPS (the binder)
 */
@Validated
@ConfigurationProperties(prefix = "chat", ignoreUnknownFields = false)
public record ChatProperties(@Valid @DefaultValue Binder binder,
		@NotBlank @DefaultValue("127.0.0.1") String advertisedAddress, @Valid @DefaultValue Registration registration,
		@Valid @DefaultValue Rooms rooms, @Valid @DefaultValue Users users, @Valid @DefaultValue Messages messages,
		@NotNull @DefaultValue("memory") StoreType store, @Valid @DefaultValue Limits limits,
		@Valid @DefaultValue Web web, @Valid @DefaultValue Tls tls) {

	/**
	 * What the store holds at most and each sender's rate, from these settings.
	 * @return the store's limits
	 */
	public StoreLimits storeLimits() {
		return new StoreLimits(this.rooms.historyLimit(),
				RateLimit.perSecond(this.messages.perSecond(), this.messages.burst()), this.limits.maxUsers(),
				this.limits.maxRooms());
	}

	/**
	 * Where the binder is.
	 *
	 * @param url the binder's JSON-RPC endpoint
	 * @param token the binder's token, sent as a bearer token when registering; unset for
	 * an open binder
	 */
	public record Binder(@NotNull @HttpUrl @DefaultValue("http://localhost:5000/rpc") URI url, String token) {

	}

	/**
	 * The lease this server asks of the binder, renewed every third of it.
	 *
	 * @param ttl the lease
	 */
	public record Registration(@NotNull @DefaultValue("30s") @DurationMin(seconds = 3) Duration ttl) {

	}

	/**
	 * Room lifetime and history.
	 *
	 * @param idleTtl how long a room may stay empty before it is reaped
	 * @param reaperInterval how often the reaper looks
	 * @param historyLimit messages kept per room
	 */
	public record Rooms(@NotNull @DefaultValue("5m") @DurationMin(seconds = 1) Duration idleTtl,
			@NotNull @DefaultValue("30s") @DurationMin(millis = 100) Duration reaperInterval,
			@Min(50) @DefaultValue("10000") int historyLimit) {

	}

	/**
	 * Session lifetime.
	 *
	 * @param sessionTtl how long a user may make no call before being signed out
	 */
	public record Users(@NotNull @DefaultValue("10m") @DurationMin(seconds = 1) Duration sessionTtl) {

	}

	/**
	 * Message limits.
	 *
	 * @param maxLength the most Unicode code points in one message
	 * @param perSecond each user's sustained send rate; 0 turns the limit off
	 * @param burst how many sends a user may make at once before the rate applies
	 */
	public record Messages(@Min(1) @Max(1_000_000) @DefaultValue("2000") int maxLength,
			@Min(0) @DefaultValue("20") int perSecond, @Min(1) @DefaultValue("40") int burst) {

	}

	/**
	 * Bounds on sign-ups and rooms.
	 *
	 * @param registrationsPerMinute how many {@code register_user} calls one client
	 * address may make a minute (all at once, then one every 60/n seconds); 0 turns the
	 * limit off
	 * @param roomsPerMinute how many {@code create_room} calls one client address may
	 * make a minute, the same way; 0 turns the limit off
	 * @param maxUsers the most users signed in at once
	 * @param maxRooms the most rooms at once
	 */
	public record Limits(@Min(0) @DefaultValue("60") int registrationsPerMinute,
			@Min(0) @DefaultValue("30") int roomsPerMinute, @Min(1) @DefaultValue("100000") long maxUsers,
			@Min(1) @DefaultValue("10000") long maxRooms) {

	}

	/**
	 * How browsers and WebSocket clients may use the chat server.
	 *
	 * @param allowedOrigins the origins, or patterns such as
	 * {@code https://*.example.com}, whose pages may open a WebSocket or post to
	 * {@code /rpc}; {@code *} for any (read by rpc-support, which applies it to both
	 * apps; listed here so that every {@code chat.*} setting of chat-app is known)
	 * @param pingInterval how often the server pings each WebSocket
	 * @param pongTimeout how long after its last pong a silent WebSocket is closed
	 * @param maxQueued how much may wait to be written to one WebSocket before it is
	 * closed as too slow ({@code 1013})
	 * @param maxCallsInFlight how many calls of one WebSocket may run at once before the
	 * server stops reading it until one ends
	 */
	public record Web(@NotEmpty @DefaultValue("*") List<String> allowedOrigins,
			@NotNull @DefaultValue("30s") @DurationMin(millis = 10) Duration pingInterval,
			@NotNull @DefaultValue("60s") @DurationMin(millis = 10) Duration pongTimeout,
			@NotNull @DefaultValue("1MB") DataSize maxQueued, @Min(1) @DefaultValue("64") int maxCallsInFlight) {

		public Web {
			allowedOrigins = List.copyOf(allowedOrigins);
		}

	}

	/**
	 * What this server trusts when it calls another over HTTPS: the binder at an
	 * {@code https://} {@code chat.binder.url}. The JVM's trust store always; this adds
	 * to it, never replaces it. The server's own certificate is Spring Boot's
	 * ({@code server.ssl.bundle}), not set here.
	 *
	 * @param trustBundle the name of a Spring Boot SSL bundle
	 * ({@code spring.ssl.bundle.pem.<name>.truststore.certificate} or
	 * {@code spring.ssl.bundle.jks.<name>.truststore.*}) whose certificates are trusted
	 * as well, such as the binder's self-signed one; unset for the JVM's trust store
	 * alone
	 */
	public record Tls(String trustBundle) {

	}

	/**
	 * Where the chat state lives.
	 */
	public enum StoreType {

		/** In this process: the embedded default, one instance. */
		MEMORY,

		/** In Redis, shared by several chat-app instances. */
		REDIS

	}

}
