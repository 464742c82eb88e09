package dev.rpcchat.rpc.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real WebSocket client (the JDK's) that keeps every text message it receives, for
 * tests; it can stop reading, as a slow consumer does.
 */
final class WsTestClient implements WebSocket.Listener, AutoCloseable {

	static final ObjectMapper mapper = new ObjectMapper();

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Closed> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final boolean reading;

	private WebSocket socket;

	private WsTestClient(boolean reading) {
		this.reading = reading;
	}

	static WsTestClient connect(int port, String... headers) {
		return connect(port, true, headers);
	}

	/**
	 * Opens a socket to {@code ws://localhost:PORT/rpc}.
	 * @param port the server's port
	 * @param reading whether the client reads what comes; if not, nothing is read until
	 * {@link #startReading()}
	 * @param headers header names and values for the upgrade request
	 * @return the connected client
	 */
	static WsTestClient connect(int port, boolean reading, String... headers) {
		WsTestClient client = new WsTestClient(reading);
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		client.socket = join(builder.buildAsync(URI.create("ws://localhost:" + port + "/rpc"), client));
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
			this.messages.add(this.partial.toString());
			this.partial.setLength(0);
		}
		if (this.reading) {
			webSocket.request(1);
		}
		return null;
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

	void startReading() {
		this.socket.request(Long.MAX_VALUE);
	}

	void send(String text) {
		join(this.socket.sendText(text, true));
	}

	void sendInParts(String text, int partLength) {
		for (int start = 0; start < text.length(); start += partLength) {
			int end = Math.min(text.length(), start + partLength);
			join(this.socket.sendText(text.substring(start, end), end == text.length()));
		}
	}

	void sendBinary(byte[] bytes) {
		join(this.socket.sendBinary(ByteBuffer.wrap(bytes), true));
	}

	/**
	 * Waits for the next text message.
	 * @return it, as JSON
	 */
	JsonNode next() {
		try {
			String message = this.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (message == null) {
				throw new AssertionError("No message within " + TIMEOUT);
			}
			return json(message);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits for the given number of messages.
	 * @param count how many
	 * @return them, in the order they came
	 */
	List<JsonNode> next(int count) {
		List<JsonNode> received = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			received.add(next());
		}
		return received;
	}

	/**
	 * Sends a request and waits for the next message, which must answer it.
	 * @param request the request
	 * @return the answer
	 */
	JsonNode call(String request) {
		send(request);
		return next();
	}

	/**
	 * Tells whether a message is waiting, without waiting.
	 * @return the number of messages received and not taken
	 */
	int waiting() {
		return this.messages.size();
	}

	Closed closed() {
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

	boolean isClosed() {
		return this.closed.isDone();
	}

	/**
	 * Drops the connection without a close handshake, as a lost network does.
	 */
	void abort() {
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

	static JsonNode json(String text) {
		try {
			return mapper.readTree(text);
		}
		catch (Exception ex) {
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

	record Closed(int code, String reason) {

	}

}
