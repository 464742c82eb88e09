package dev.rpcchat.test;

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

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON-RPC client on a real WebSocket (the JDK's), for tests. Calls made with
 * {@link #call} are matched to their answers by id; every other message that comes
 * (pushed notifications, answers to raw text sent with {@link #send}) waits, in order, to
 * be taken with {@link #next()}. It can stop reading, as a slow client does.
 */
public final class RpcTestSocket implements WebSocket.Listener, AutoCloseable {

	/** How long any single wait of this client lasts before the test fails. */
	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final AtomicLong ids = new AtomicLong();

	private final ConcurrentMap<String, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

	private final BlockingQueue<JsonNode> others = new LinkedBlockingQueue<>();

	private final CompletableFuture<Closed> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final boolean reading;

	private WebSocket socket;

	private RpcTestSocket(boolean reading) {
		this.reading = reading;
	}

	/**
	 * Opens a socket to {@code ws://127.0.0.1:PORT/rpc}.
	 * @param port the server's port
	 * @param headers header names and values for the upgrade request
	 * @return the open socket
	 * @throws IllegalStateException if the upgrade is refused (its cause says how)
	 */
	public static RpcTestSocket open(int port, String... headers) {
		return open(URI.create("ws://127.0.0.1:" + port + "/rpc"), true, headers);
	}

	/**
	 * Opens a socket.
	 * @param uri where, such as {@code ws://127.0.0.1:PORT/rpc}
	 * @param headers header names and values for the upgrade request
	 * @return the open socket
	 */
	public static RpcTestSocket open(URI uri, String... headers) {
		return open(uri, true, headers);
	}

	/**
	 * Opens a socket that reads nothing until {@link #startReading()}, as a slow client.
	 * @param port the server's port
	 * @return the open socket
	 */
	public static RpcTestSocket openNotReading(int port) {
		return open(URI.create("ws://127.0.0.1:" + port + "/rpc"), false);
	}

	/**
	 * Opens a socket to any {@code ws://} or {@code wss://} URL through a given client,
	 * such as one that trusts a test certificate.
	 * @param http the client that carries the socket
	 * @param url where the socket goes
	 * @return the open socket
	 */
	public static RpcTestSocket open(HttpClient http, URI url) {
		RpcTestSocket client = new RpcTestSocket(true);
		client.socket = join(http.newWebSocketBuilder().buildAsync(url, client));
		return client;
	}

	private static RpcTestSocket open(URI uri, boolean reading, String... headers) {
		RpcTestSocket client = new RpcTestSocket(reading);
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		client.socket = join(builder.buildAsync(uri, client));
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
			received(RpcTestClient.json(this.partial.toString()));
			this.partial.setLength(0);
		}
		if (this.reading) {
			webSocket.request(1);
		}
		return null;
	}

	private void received(JsonNode message) {
		JsonNode id = message.get("id");
		CompletableFuture<JsonNode> answer = (message.isObject() && id != null && id.isTextual())
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
		this.closed.complete(new Closed(statusCode, reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(new Closed(-1, String.valueOf(error)));
	}

	/**
	 * Reads everything from now on (for a socket opened with {@link #openNotReading}).
	 */
	public void startReading() {
		this.socket.request(Long.MAX_VALUE);
	}

	/**
	 * Calls a method with named params and waits for its answer.
	 * @param method the method
	 * @param namesAndValues the params' names and values, one after the other
	 * @return the whole answer
	 */
	public JsonNode call(String method, Object... namesAndValues) {
		return join(callAsync(method, namesAndValues));
	}

	/**
	 * Calls a method with named params.
	 * @param method the method
	 * @param namesAndValues the params' names and values
	 * @return the whole answer, when it comes
	 */
	public CompletableFuture<JsonNode> callAsync(String method, Object... namesAndValues) {
		String id = "c" + ids.incrementAndGet();
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		this.answers.put(id, answer);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("jsonrpc", "2.0");
		request.put("id", id);
		request.put("method", method);
		request.put("params", RpcTestClient.params(namesAndValues));
		send(RpcTestClient.write(request));
		return answer;
	}

	/**
	 * Calls a method that must succeed.
	 * @param method the method
	 * @param namesAndValues the params' names and values
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
	 * @param namesAndValues the params' names and values
	 * @return its error's code
	 */
	public int errorCode(String method, Object... namesAndValues) {
		JsonNode answer = call(method, namesAndValues);
		assertThat(answer.has("error")).as("error expected in %s", answer).isTrue();
		return answer.get("error").get("code").asInt();
	}

	/**
	 * Sends raw text and waits for the next message that answers no {@link #call}: with
	 * nothing else coming, its answer.
	 * @param text a request, a batch, or anything else
	 * @return the next message
	 */
	public JsonNode exchange(String text) {
		send(text);
		return next();
	}

	/**
	 * Sends raw text as one message.
	 * @param text the text
	 */
	public void send(String text) {
		join(this.socket.sendText(text, true));
	}

	/**
	 * Sends raw text as one message in several frames.
	 * @param text the text
	 * @param partLength characters per frame
	 */
	public void sendInParts(String text, int partLength) {
		for (int start = 0; start < text.length(); start += partLength) {
			int end = Math.min(text.length(), start + partLength);
			join(this.socket.sendText(text.substring(start, end), end == text.length()));
		}
	}

	public void sendBinary(byte[] bytes) {
		join(this.socket.sendBinary(ByteBuffer.wrap(bytes), true));
	}

	/**
	 * Waits for the next message that answers no {@link #call}.
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
	 * Waits for the next messages that answer no {@link #call}.
	 * @param count how many
	 * @return them, in the order they came
	 */
	public List<JsonNode> next(int count) {
		List<JsonNode> received = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			received.add(next());
		}
		return received;
	}

	/**
	 * Waits for the next pushed {@code message} notifications.
	 * @param count how many
	 * @return the messages (the notifications' params)
	 */
	public List<JsonNode> messages(int count) {
		List<JsonNode> messages = new ArrayList<>();
		for (JsonNode notification : next(count)) {
			assertThat(notification.get("method").asText()).as("%s", notification).isEqualTo("message");
			assertThat(notification.has("id")).isFalse();
			messages.add(notification.get("params"));
		}
		return messages;
	}

	/**
	 * How many messages wait to be taken by {@link #next()}, without waiting.
	 * @return the number
	 */
	public int waiting() {
		return this.others.size();
	}

	/**
	 * Waits for the socket to be closed by the server.
	 * @return how
	 */
	public Closed closed() {
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

	/**
	 * Waits for the socket to be closed by the server.
	 * @return the close code, {@code -1} for a connection lost without one
	 */
	public int closeCode() {
		return closed().code();
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

	/**
	 * How the server closed a socket.
	 *
	 * @param code the close code, {@code -1} for a connection lost without one
	 * @param reason the reason it gave
	 */
	public record Closed(int code, String reason) {

	}

}
