package dev.rpcchat.server.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON-RPC client of one chat-app instance for the tests: raw JSON over
 * {@link HttpClient}.
 */
final class ChatClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final AtomicLong ids = new AtomicLong();

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final URI uri;

	private final Duration timeout;

	ChatClient(int port) {
		this(port, Duration.ofSeconds(60));
	}

	/**
	 * A client whose calls fail when they get no answer within the timeout.
	 * @param port the chat-app's port
	 * @param timeout how long a call may wait for its answer
	 */
	ChatClient(int port, Duration timeout) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/rpc");
		this.timeout = timeout;
	}

	/** Calls a method and returns the whole response object. */
	JsonNode call(String token, String method, Object... namesAndValues) {
		try {
			HttpResponse<String> response = http.send(request(token, method, namesAndValues),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).isEqualTo(200);
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	CompletableFuture<JsonNode> callAsync(String token, String method, Object... namesAndValues) {
		return http
			.sendAsync(request(token, method, namesAndValues),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply((response) -> json.readTree(response.body()));
	}

	/** Calls a method that must succeed and returns its result. */
	JsonNode result(String token, String method, Object... namesAndValues) {
		JsonNode response = call(token, method, namesAndValues);
		assertThat(response.has("error")).as("error in %s", response).isFalse();
		return response.get("result");
	}

	/** Calls a method that must fail and returns its error code. */
	int errorCode(String token, String method, Object... namesAndValues) {
		JsonNode response = call(token, method, namesAndValues);
		assertThat(response.has("error")).as("error expected in %s", response).isTrue();
		return response.get("error").get("code").asInt();
	}

	/** Registers a user and returns its token. */
	String register(String username) {
		return result(null, "register_user", "username", username).get("token").asString();
	}

	private HttpRequest request(String token, String method, Object... namesAndValues) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jsonrpc", "2.0");
		body.put("id", ids.incrementAndGet());
		body.put("method", method);
		body.put("params", params);
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder.build();
	}

}
