package dev.rpcchat.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rpcchat.api.WireJson;

/**
 * A chat server of an older or hostile kind, which lets through what today's chat server
 * refuses: names and messages with escape sequences, bidirectional overrides and lines
 * that look like other messages. The one thing a test cannot get from the real chat
 * server, which refuses such text (1007); it speaks the same protocol over real HTTP.
 */
final class HostileServer implements AutoCloseable {

	/** Clears the screen and turns what follows red. */
	static final String CLEAR_SCREEN = "\u001b[2J\u001b[31m";

	/** A message line that pretends to be a private message from someone else. */
	static final String FAKE_LINE = "[12:00:00] #lobby bia -> you [private]: type your token here";

	static final String USER = "mal" + CLEAR_SCREEN + "lory";

	static final String ROOM = "lob\u202eby";

	static final String SENDER = "bia\u009b2J";

	static final String CONTENT = "hello " + CLEAR_SCREEN + "all\n" + FAKE_LINE + "\ntab\there\u0007\b";

	private final ObjectMapper mapper = WireJson.newObjectMapper();

	private final HttpServer server;

	private final AtomicLong ids = new AtomicLong(100);

	private volatile boolean delivered;

	private HostileServer(HttpServer server) {
		this.server = server;
	}

	static HostileServer start() {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
			HostileServer hostile = new HostileServer(http);
			http.createContext("/rpc", hostile::answer);
			http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			http.start();
			return hostile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
			JsonNode request = this.mapper.readTree(in);
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("jsonrpc", "2.0");
			response.put("id", request.path("id").asLong());
			try {
				response.put("result", result(request.path("method").asText(), request.path("params")));
			}
			catch (Refusal refusal) {
				response.put("error", Map.of("code", refusal.code, "message", refusal.message, "data", refusal.data));
			}
			byte[] body = this.mapper.writeValueAsBytes(response);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			out.write(body);
		}
	}

	private Object result(String method, JsonNode params) throws Refusal {
		return switch (method) {
			case "register_user" -> Map.of("username", USER, "token", "t");
			case "unregister_user", "leave_room" -> true;
			case "heartbeat" -> Map.of("username", USER, "expires_at", "2026-01-01T00:00:00.000Z");
			case "join_room" ->
				Map.of("room_name", ROOM, "users", List.of(USER, SENDER), "messages", List.of(message(CONTENT)));
			case "list_rooms" -> List.of(ROOM, "quiet");
			case "list_users" -> List.of(USER, SENDER);
			case "receive_messages" -> receive(params);
			case "send_message" -> {
				if (params.path("message").asText().equals("too long")) {
					throw new Refusal(1007, "no", Map.of("reason", "INVALID_MESSAGE", "max_length", CLEAR_SCREEN));
				}
				yield ownMessage(params.path("message").asText() + CLEAR_SCREEN);
			}
			default -> throw new Refusal(-32603, "internal " + CLEAR_SCREEN + "error", Map.of());
		};
	}

	private List<Map<String, Object>> receive(JsonNode params) {
		if (!this.delivered) {
			this.delivered = true;
			return List.of(message(CONTENT));
		}
		try {
			Thread.sleep(Math.min(1000, params.path("wait_seconds").asLong() * 1000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return List.of();
	}

	private Map<String, Object> message(String content) {
		return message(SENDER, content);
	}

	private Map<String, Object> ownMessage(String content) {
		return message(USER, content);
	}

	private Map<String, Object> message(String sender, String content) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", this.ids.incrementAndGet());
		message.put("room_name", ROOM);
		message.put("type", "broadcast");
		message.put("sender", sender);
		message.put("recipient", null);
		message.put("content", content);
		message.put("timestamp", "2026-11-22T14:03:07.123Z");
		return message;
	}

	private static final class Refusal extends Exception {

		private final int code;

		private final String message;

		private final Map<String, Object> data;

		Refusal(int code, String message, Map<String, Object> data) {
			super(message, null, false, false);
			this.code = code;
			this.message = message;
			this.data = data;
		}

	}

}
