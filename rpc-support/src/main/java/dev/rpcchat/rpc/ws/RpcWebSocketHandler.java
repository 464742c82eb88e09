package dev.rpcchat.rpc.ws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import dev.rpcchat.rpc.PreparedText;
import dev.rpcchat.rpc.RpcCaller;
import dev.rpcchat.rpc.RpcConnectionListener;
import dev.rpcchat.rpc.RpcDispatcher;

/**
 * JSON-RPC over WebSocket: each text message is one request, notification or batch,
 * answered on the socket exactly as {@code POST /rpc} answers it, each on a virtual
 * thread of its own so that a long call does not hold up the others (a call that answers
 * later lets its thread go, and its answer is sent when it comes). Binary messages close
 * the socket ({@code 1003}), text messages over 1 MiB too ({@code 1009}); the server
 * pings every socket and closes those that stay silent.
 */
final class RpcWebSocketHandler implements WebSocketHandler, SmartLifecycle {

	static final String CONNECTIONS_GAUGE = "rpc.server.websocket.connections";

	static final String CLOSES_COUNTER = "rpc.server.websocket.closes";

	static final String CONNECTION_ATTRIBUTE = RpcWebSocketHandler.class.getName() + ".connection";

	private static final Logger logger = LoggerFactory.getLogger(RpcWebSocketHandler.class);

	private static final String BEARER = "Bearer ";

	private final RpcDispatcher dispatcher;

	private final RpcWebSocketSettings settings;

	private final List<RpcConnectionListener> listeners;

	private final Map<String, WebSocketRpcConnection> connections = new ConcurrentHashMap<>();

	private ScheduledExecutorService ticker;

	private ScheduledFuture<?> pings;

	private volatile boolean running;

	private final MeterRegistry meterRegistry;

	RpcWebSocketHandler(RpcDispatcher dispatcher, RpcWebSocketSettings settings, List<RpcConnectionListener> listeners,
			MeterRegistry meterRegistry) {
		this.dispatcher = dispatcher;
		this.settings = settings;
		this.listeners = List.copyOf(listeners);
		this.meterRegistry = meterRegistry;
		Gauge.builder(CONNECTIONS_GAUGE, this.connections, Map::size)
			.description("WebSockets open on /rpc")
			.register(meterRegistry);
	}

	/**
	 * Counts a socket the server closes, by close code ({@code 1013}: too slow).
	 */
	private void closedByServer(int code) {
		Counter.builder(CLOSES_COUNTER)
			.description("WebSockets closed by the server, by close code")
			.tag("code", Integer.toString(code))
			.register(this.meterRegistry)
			.increment();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		if (!this.running) {
			close(session, new CloseStatus(WebSocketRpcConnection.GOING_AWAY, "Shutting down"));
			return;
		}
		WebSocketRpcConnection connection = new WebSocketRpcConnection((NativeWebSocketSession) session, this.settings,
				this::closedByServer);
		String token = bearerToken(session.getHandshakeHeaders());
		if (token != null) {
			connection.bind(token);
		}
		session.getAttributes().put(CONNECTION_ATTRIBUTE, connection);
		this.connections.put(session.getId(), connection);
		for (RpcConnectionListener listener : this.listeners) {
			listener.opened(connection);
		}
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		WebSocketRpcConnection connection = connection(session);
		if (connection == null || !connection.isOpen()) {
			return;
		}
		switch (message) {
			case TextMessage text -> received(connection, text);
			case PongMessage pong -> connection.heard();
			case BinaryMessage binary -> connection.close(WebSocketRpcConnection.UNSUPPORTED_DATA,
					"Binary messages are not accepted: send JSON-RPC as text");
			default -> connection.heard();
		}
	}

	private void received(WebSocketRpcConnection connection, TextMessage message) {
		byte[] body;
		try {
			body = connection.append(message.getPayload(), message.isLast());
		}
		catch (WebSocketRpcConnection.MessageTooBigException ex) {
			connection.close(WebSocketRpcConnection.TOO_BIG,
					"A text message may hold at most " + RpcWebSocketSettings.MAX_MESSAGE_BYTES + " bytes");
			return;
		}
		if (body == null) {
			return;
		}
		RpcCaller.Context caller = new RpcCaller.Context(null, connection.remoteAddress(), System.nanoTime(),
				connection);
		connection.callStarted();
		Thread.ofVirtual()
			.name("rpc-ws-call")
			.start(() -> this.dispatcher.answer(body, caller).whenComplete((answer, failure) -> {
				try {
					if (answer != null) {
						connection.send(PreparedText.ofUtf8(answer));
					}
				}
				finally {
					connection.callEnded();
				}
			}));
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		logger.debug("WebSocket {} failed", session.getId(), exception);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
		WebSocketRpcConnection connection = this.connections.remove(session.getId());
		if (connection == null) {
			return;
		}
		connection.closed();
		for (RpcConnectionListener listener : this.listeners) {
			try {
				listener.closed(connection);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener failed on the close of WebSocket {}", session.getId(), ex);
			}
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		// Tomcat gives each socket a buffer of the largest message it assembles: it
		// assembles small parts, and this handler the message, only while one comes in.
		return true;
	}

	/**
	 * How many sockets are open.
	 * @return the number of open sockets
	 */
	int connectionCount() {
		return this.connections.size();
	}

	// Liveness

	@Override
	public synchronized void start() {
		this.ticker = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("rpc-ws-pings").daemon().factory());
		long interval = this.settings.pingInterval().toMillis();
		this.pings = this.ticker.scheduleWithFixedDelay(this::pingAll, interval, interval, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	/**
	 * Pings every socket heard from lately and closes the others; each on a virtual
	 * thread, since a ping waits for the peer's socket to take it.
	 */
	void pingAll() {
		try {
			long silentSince = System.nanoTime() - this.settings.pongTimeout().toNanos();
			for (WebSocketRpcConnection connection : this.connections.values()) {
				if (connection.lastHeardNanos() - silentSince < 0) {
					connection.close(WebSocketRpcConnection.GOING_AWAY, "No pong");
				}
				else {
					Thread.ofVirtual().name("rpc-ws-ping").start(connection::ping);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Pinging the WebSockets failed", ex);
		}
	}

	/**
	 * Closes every socket ({@code 1001}), so that their clients go to another server,
	 * before the web server stops.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.ticker != null) {
			this.pings.cancel(false);
			this.ticker.shutdownNow();
			this.ticker = null;
		}
		int open = this.connections.size();
		this.connections.values()
			.forEach((connection) -> connection.close(WebSocketRpcConnection.GOING_AWAY, "Server shutting down"));
		if (open > 0) {
			logger.info("Closed {} WebSocket(s) on shutdown", open);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stopped before the web server's graceful shutdown (DEFAULT_PHASE - 1024).
		return SmartLifecycle.DEFAULT_PHASE - 512;
	}

	private static WebSocketRpcConnection connection(WebSocketSession session) {
		return (WebSocketRpcConnection) session.getAttributes().get(CONNECTION_ATTRIBUTE);
	}

	private static String bearerToken(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		String token = authorization.substring(BEARER.length()).trim();
		return token.isEmpty() ? null : token;
	}

	private static void close(WebSocketSession session, CloseStatus status) {
		try {
			session.close(status);
		}
		catch (java.io.IOException ex) {
			logger.debug("Could not close WebSocket {}", session.getId(), ex);
		}
	}

}
