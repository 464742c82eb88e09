package dev.rpcchat.server.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat client on a real WebSocket (the JDK's), for the tests: calls are matched to
 * their answers by id, and everything else that comes (notifications, answers without an
 * id) waits in order to be taken.
 */
public final class ChatSocket implements WebSocket.Listener, AutoCloseable {

	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final ObjectMapper json = new ObjectMapper();

	private static final AtomicLong ids = new AtomicLong();

	private final ConcurrentMap<String, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

	private final BlockingQueue<JsonNode> others = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final boolean reading;

	private WebSocket socket;

	private ChatSocket(boolean reading) {
		this.reading = reading;
	}

	/**
	 * Opens a socket to {@code ws://127.0.0.1:PORT/rpc}.
	 * @param port the chat server's port
	 * @param headers header names and values for the upgrade request
	 * @return the open socket
	 */
	public static ChatSocket open(int port, String... headers) {
		return open(port, true, headers);
	}

	/**
	 * Opens a socket that reads nothing until {@link #startReading()}, as a slow client.
	 * @param port the chat server's port
	 * @return the open socket
	 */
	public static ChatSocket openNotReading(int port) {
		return open(port, false);
	}

	/**
	 * Opens a socket to any {@code ws://} or {@code wss://} URL through a given client,
	 * such as one that trusts a test certificate.
	 * @param http the client that carries the socket
	 * @param url where the socket goes
	 * @return the open socket
	 */
	public static ChatSocket open(HttpClient http, URI url) {
		ChatSocket client = new ChatSocket(true);
		client.socket = join(http.newWebSocketBuilder().buildAsync(url, client));
		return client;
	}

	private static ChatSocket open(int port, boolean reading, String... headers) {
		ChatSocket client = new ChatSocket(reading);
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		client.socket = join(builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/rpc"), client));
		return client;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		if (this.reading) {
			webSocket.request(1);
		}
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			received(parse(this.partial.toString()));
			this.partial.setLength(0);
		}
		if (this.reading) {
			webSocket.request(1);
		}
		return null;
	}

	private void received(JsonNode message) {
		JsonNode id = message.get("id");
		CompletableFuture<JsonNode> answer = (message.isObject() && id != null && !id.isNull())
				? this.answers.remove(id.asText()) : null;
		if (answer != null) {
			answer.complete(message);
		}
		else {
			this.others.add(message);
		}
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(-1);
	}

	public void startReading() {
		this.socket.request(Long.MAX_VALUE);
	}

	/**
	 * Calls a method with named params and waits for its answer.
	 * @param method the method
	 * @param namesAndValues the params
	 * @return the whole answer
	 */
	public JsonNode call(String method, Object... namesAndValues) {
		return join(callAsync(method, namesAndValues));
	}

	/**
	 * Calls a method with named params.
	 * @param method the method
	 * @param namesAndValues the params
	 * @return the answer, when it comes
	 */
	public CompletableFuture<JsonNode> callAsync(String method, Object... namesAndValues) {
		String id = "c" + ids.incrementAndGet();
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		this.answers.put(id, answer);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("jsonrpc", "2.0");
		request.put("id", id);
		request.put("method", method);
		request.put("params", params(namesAndValues));
		send(write(request));
		return answer;
	}

	/**
	 * Calls a method that must succeed.
	 * @param method the method
	 * @param namesAndValues the params
	 * @return its result
	 */
	public JsonNode result(String method, Object... namesAndValues) {
		JsonNode answer = call(method, namesAndValues);
		assertThat(answer.has("error")).as("error in %s", answer).isFalse();
		return answer.get("result");
	}

	/**
	 * Calls a method that must fail.
	 * @param method the method
	 * @param namesAndValues the params
	 * @return its error's code
	 */
	public int errorCode(String method, Object... namesAndValues) {
		JsonNode answer = call(method, namesAndValues);
		assertThat(answer.has("error")).as("error expected in %s", answer).isTrue();
		return answer.get("error").get("code").asInt();
	}

	public void send(String text) {
		join(this.socket.sendText(text, true));
	}

	public void sendBinary(byte[] bytes) {
		join(this.socket.sendBinary(ByteBuffer.wrap(bytes), true));
	}

	/**
	 * Waits for the next message that answers no call of {@link #call}.
	 * @return it
	 */
	public JsonNode next() {
		try {
			JsonNode message = this.others.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (message == null) {
				throw new AssertionError("Nothing came within " + TIMEOUT);
			}
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits for the next pushed notifications.
	 * @param count how many
	 * @return their params, in the order they came
	 */
	public List<JsonNode> pushed(int count) {
		List<JsonNode> pushed = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			pushed.add(next());
		}
		return pushed;
	}

	/**
	 * Waits for the next {@code message} notifications.
	 * @param count how many
	 * @return the messages
	 */
	public List<JsonNode> messages(int count) {
		List<JsonNode> messages = new ArrayList<>();
		for (JsonNode notification : pushed(count)) {
			assertThat(notification.get("method").asText()).as("%s", notification).isEqualTo("message");
			assertThat(notification.has("id")).isFalse();
			messages.add(notification.get("params"));
		}
		return messages;
	}

	/**
	 * How many messages wait to be taken by {@link #next}.
	 * @return the number
	 */
	public int waiting() {
		return this.others.size();
	}

	/**
	 * Waits for the socket to be closed by the server.
	 * @return the close code
	 */
	public int closeCode() {
		try {
			return this.closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError("The socket was not closed within " + TIMEOUT, ex);
		}
	}

	public boolean isClosed() {
		return this.closed.isDone();
	}

	/**
	 * Drops the connection without a close handshake, as a lost network does.
	 */
	public void abort() {
		this.socket.abort();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			try {
				this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException ex) {
				// closed already, or the peer is gone: aborted below
			}
		}
		this.socket.abort();
	}

	public static List<String> contentsOf(List<JsonNode> messages) {
		return messages.stream().map((message) -> message.get("content").asText()).toList();
	}

	public static List<Long> idsOf(List<JsonNode> messages) {
		return messages.stream().map((message) -> message.get("id").asLong()).toList();
	}

	private static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	private static String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode parse(String text) {
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new AssertionError("Not JSON: " + text, ex);
		}
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
