package dev.rpcchat.rpc.ws;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Turns on JSON-RPC over WebSocket at {@code /rpc}, and CORS on {@code POST /rpc}, for an
 * application that declares these settings as a bean.
 *
 * @param allowedOrigins the origins (or origin patterns, such as
 * {@code https://*.example.com}) whose pages may connect or post; {@code *} for any
 * @param pingInterval how often the server pings each socket
 * @param pongTimeout how long after its last pong (or message) a silent socket is closed
 * @param maxQueuedBytes how many bytes may wait to be written to one socket before it is
 * closed as too slow ({@code 1013})
 * @param maxCallsInFlight how many calls of one socket may run at once; past it the
 * socket is not read until one finishes
 */
public record RpcWebSocketSettings(List<String> allowedOrigins, Duration pingInterval, Duration pongTimeout,
		int maxQueuedBytes, int maxCallsInFlight) {

	/**
	 * The largest text message a socket takes, as the largest body of {@code POST /rpc}.
	 */
	public static final int MAX_MESSAGE_BYTES = 1024 * 1024;

	/** The default of {@link #maxQueuedBytes()}. */
	public static final int DEFAULT_MAX_QUEUED_BYTES = 1024 * 1024;

	/** The default of {@link #maxCallsInFlight()}. */
	public static final int DEFAULT_MAX_CALLS_IN_FLIGHT = 64;

	public RpcWebSocketSettings {
		allowedOrigins = List.copyOf(allowedOrigins);
		Objects.requireNonNull(pingInterval, "pingInterval");
		Objects.requireNonNull(pongTimeout, "pongTimeout");
		if (pingInterval.isNegative() || pingInterval.isZero() || pongTimeout.isNegative() || pongTimeout.isZero()) {
			throw new IllegalArgumentException("pingInterval and pongTimeout must be positive");
		}
		if (maxQueuedBytes < 1 || maxCallsInFlight < 1) {
			throw new IllegalArgumentException("maxQueuedBytes and maxCallsInFlight must be positive");
		}
	}

	/**
	 * The contract's defaults: any origin, a ping every 30 s, closed 60 s after the last
	 * pong, 1 MiB queued at most, 64 calls in flight.
	 * @return the settings
	 */
	public static RpcWebSocketSettings defaults() {
		return new RpcWebSocketSettings(List.of("*"), Duration.ofSeconds(30), Duration.ofSeconds(60),
				DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MAX_CALLS_IN_FLIGHT);
	}

}
