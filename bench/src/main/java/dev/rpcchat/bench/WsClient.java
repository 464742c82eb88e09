package dev.rpcchat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One simulated user on a JSON-RPC WebSocket: calls matched to their answers by id, and
 * every pushed notification handed to a consumer as it comes.
 */
final class WsClient implements WebSocket.Listener {

	private static final ObjectMapper json = new ObjectMapper();

	private final ConcurrentMap<Long, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final StringBuilder partial = new StringBuilder();

	private final Consumer<JsonNode> notifications;

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private WebSocket socket;

	private WsClient(Consumer<JsonNode> notifications) {
		this.notifications = notifications;
	}

	/**
	 * Opens a socket to the {@code /rpc} of a chat server.
	 * @param http the client that carries the socket (one may carry many)
	 * @param endpoint the server's {@code http://HOST:PORT/rpc}
	 * @param notifications told of each notification, on the client's thread: must be
	 * quick
	 * @return the open socket
	 */
	static WsClient open(HttpClient http, URI endpoint, Consumer<JsonNode> notifications) {
		WsClient client = new WsClient(notifications);
		URI ws = URI.create(endpoint.toString().replaceFirst("^http", "ws"));
		client.socket = http.newWebSocketBuilder().buildAsync(ws, client).join();
		return client;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(Long.MAX_VALUE);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		JsonNode message;
		if (last && this.partial.isEmpty()) {
			message = parse(data.toString());
		}
		else {
			this.partial.append(data);
			if (!last) {
				return null;
			}
			message = parse(this.partial.toString());
			this.partial.setLength(0);
		}
		JsonNode id = message.get("id");
		CompletableFuture<JsonNode> answer = (id != null && id.isNumber()) ? this.answers.remove(id.asLong()) : null;
		if (answer != null) {
			answer.complete(message);
		}
		else if (message.has("method")) {
			this.notifications.accept(message);
		}
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		failAll("closed " + statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(-1);
		failAll(String.valueOf(error));
	}

	private void failAll(String why) {
		this.answers.values().forEach((answer) -> answer.completeExceptionally(new IllegalStateException(why)));
	}

	/**
	 * Calls a method and waits for its result.
	 * @param method the method
	 * @param namesAndValues the params
	 * @return the result
	 * @throws RpcCallException for an error answer, a closed socket or no answer in 60 s
	 */
	JsonNode call(String method, Object... namesAndValues) throws RpcCallException {
		JsonNode answer;
		try {
			answer = callAsync(method, namesAndValues).get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RpcCallException("io", "interrupted");
		}
		catch (Exception ex) {
			throw new RpcCallException("io", String.valueOf(ex.getMessage()));
		}
		JsonNode error = answer.get("error");
		if (error != null) {
			throw new RpcCallException(error.path("code").asText(), error.path("message").asText());
		}
		return answer.get("result");
	}

	CompletableFuture<JsonNode> callAsync(String method, Object... namesAndValues) {
		long id = this.ids.incrementAndGet();
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		this.answers.put(id, answer);
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("jsonrpc", "2.0");
		request.put("id", id);
		request.put("method", method);
		request.put("params", params);
		try {
			this.socket.sendText(json.writeValueAsString(request), true).join();
		}
		catch (Exception ex) {
			this.answers.remove(id);
			answer.completeExceptionally(ex);
		}
		return answer;
	}

	boolean isClosed() {
		return this.closed.isDone();
	}

	void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
				.orTimeout(5, TimeUnit.SECONDS)
				.exceptionally((ex) -> null);
		}
	}

	private static JsonNode parse(String text) {
		try {
			return json.readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Not JSON: " + text, ex);
		}
	}

}
