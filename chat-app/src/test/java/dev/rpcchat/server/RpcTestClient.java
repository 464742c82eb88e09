package dev.rpcchat.server;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain JSON-RPC client for the tests: raw JSON over {@link HttpClient}, so what is
 * asserted is what went over the wire.
 */
final class RpcTestClient {

	private static final ObjectMapper json = new ObjectMapper();

	private static final AtomicLong ids = new AtomicLong();

	private final HttpClient http;

	private final URI uri;

	RpcTestClient(int port) {
		this(URI.create("http://127.0.0.1:" + port + "/rpc"),
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)));
	}

	/**
	 * A client of any endpoint, such as an {@code https://} one through a client that
	 * trusts a test certificate.
	 * @param uri the JSON-RPC endpoint
	 * @param http how the client is built
	 */
	RpcTestClient(URI uri, HttpClient.Builder http) {
		this.uri = uri;
		this.http = http.build();
	}

	/** Sends a raw body and returns the raw HTTP response. */
	HttpResponse<String> post(String token, String body) {
		try {
			return this.http.send(request(token, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	CompletableFuture<JsonNode> callAsync(String token, String method, Object params) {
		return this.http.sendAsync(request(token, body(method, params)), HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> parse(response.body()));
	}

	private HttpRequest request(String token, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder.build();
	}

	/** Calls a method and returns the whole response object. */
	JsonNode call(String token, String method, Object params) {
		HttpResponse<String> response = post(token, body(method, params));
		assertThat(response.statusCode()).isEqualTo(200);
		return parse(response.body());
	}

	/** Calls a method that must succeed and returns its result. */
	JsonNode result(String token, String method, Object params) {
		JsonNode response = call(token, method, params);
		assertThat(response.has("error")).as("error in %s", response).isFalse();
		return response.get("result");
	}

	/** Calls a method that must fail and returns its error. */
	JsonNode error(String token, String method, Object params) {
		JsonNode response = call(token, method, params);
		assertThat(response.has("error")).as("error expected in %s", response).isTrue();
		return response.get("error");
	}

	int errorCode(String token, String method, Object params) {
		return error(token, method, params).get("code").asInt();
	}

	/** Registers a user and returns its token. */
	String register(String username) {
		return result(null, "register_user", params("username", username)).get("token").asText();
	}

	static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	static String body(String method, Object params) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("jsonrpc", "2.0");
		request.put("id", ids.incrementAndGet());
		request.put("method", method);
		if (params != null) {
			request.put("params", params);
		}
		try {
			return json.writeValueAsString(request);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode parse(String body) {
		try {
			return json.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Not JSON: " + body, ex);
		}
	}

}
