package dev.rpcchat.test;

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
import dev.rpcchat.api.WireJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON-RPC client for tests: raw JSON over the JDK's {@link HttpClient} (HTTP/1.1), so
 * what a test asserts is what went over the wire.
 * <p>
 * Two levels: calls by method ({@link #call}, {@link #result}, {@link #error}, with an
 * optional bearer token first and {@code params} a map, a list or {@code null}), and
 * whole bodies ({@link #post}, {@link #postRaw}, {@link #answer}, {@link #expect}) for
 * what no well-behaved client would send.
 */
public final class RpcTestClient {

	private static final ObjectMapper mapper = WireJson.newObjectMapper();

	private static final AtomicLong ids = new AtomicLong();

	private static final HttpClient plain = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final URI uri;

	private final HttpClient http;

	private final Duration timeout;

	private RpcTestClient(URI uri, HttpClient http, Duration timeout) {
		this.uri = uri;
		this.http = http;
		this.timeout = timeout;
	}

	/**
	 * A client of {@code http://127.0.0.1:PORT/rpc}.
	 * @param port the server's port
	 * @return the client
	 */
	public static RpcTestClient to(int port) {
		return to(URI.create("http://127.0.0.1:" + port + "/rpc"));
	}

	/**
	 * A client of a JSON-RPC endpoint.
	 * @param uri the endpoint, such as {@code http://127.0.0.1:5000/rpc}
	 * @return the client
	 */
	public static RpcTestClient to(URI uri) {
		return to(uri, plain);
	}

	/**
	 * A client of a JSON-RPC endpoint through a given HTTP client, such as one that
	 * trusts a test certificate.
	 * @param uri the endpoint, such as {@code https://localhost:8443/rpc}
	 * @param http the HTTP client
	 * @return the client
	 */
	public static RpcTestClient to(URI uri, HttpClient http) {
		return new RpcTestClient(uri, http, Duration.ofSeconds(60));
	}

	/**
	 * The same client, whose calls fail when no answer comes within the timeout.
	 * @param timeout how long a call may wait for its answer
	 * @return the client
	 */
	public RpcTestClient withTimeout(Duration timeout) {
		return new RpcTestClient(this.uri, this.http, timeout);
	}

	public URI uri() {
		return this.uri;
	}

	/**
	 * Calls a method and returns the whole response, which must come with HTTP 200.
	 * @param token the bearer token, or {@code null}
	 * @param method the method
	 * @param params a map (by name), a list (by position), or {@code null} to leave them
	 * out
	 * @return the response object
	 */
	public JsonNode call(String token, String method, Object params) {
		HttpResponse<String> response = post(token, body(method, params));
		assertThat(response.statusCode()).as("HTTP status of %s", method).isEqualTo(200);
		return json(response.body());
	}

	public JsonNode call(String method, Object params) {
		return call(null, method, params);
	}

	/**
	 * Calls a method without waiting for its answer (a long poll, say).
	 * @param token the bearer token, or {@code null}
	 * @param method the method
	 * @param params a map, a list, or {@code null}
	 * @return the whole response, when it comes
	 */
	public CompletableFuture<JsonNode> callAsync(String token, String method, Object params) {
		return this.http.sendAsync(request(token, body(method, params)), HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> json(response.body()));
	}

	/**
	 * Calls a method that must succeed.
	 * @param token the bearer token, or {@code null}
	 * @param method the method
	 * @param params a map, a list, or {@code null}
	 * @return its {@code result}
	 */
	public JsonNode result(String token, String method, Object params) {
		JsonNode response = call(token, method, params);
		assertThat(response.has("error")).as("error in %s", response).isFalse();
		return response.get("result");
	}

	public JsonNode result(String method, Object params) {
		return result(null, method, params);
	}

	/**
	 * Calls a method that must fail.
	 * @param token the bearer token, or {@code null}
	 * @param method the method
	 * @param params a map, a list, or {@code null}
	 * @return its {@code error}
	 */
	public JsonNode error(String token, String method, Object params) {
		JsonNode response = call(token, method, params);
		assertThat(response.has("error")).as("error expected in %s", response).isTrue();
		return response.get("error");
	}

	public JsonNode error(String method, Object params) {
		return error(null, method, params);
	}

	public int errorCode(String token, String method, Object params) {
		return error(token, method, params).get("code").asInt();
	}

	/**
	 * Registers a user on a chat server.
	 * @param username the name
	 * @return its token
	 */
	public String register(String username) {
		return result(null, "register_user", params("username", username)).get("token").asText();
	}

	/**
	 * Posts a body as JSON, with a bearer token if one is given.
	 * @param token the bearer token, or {@code null}
	 * @param body the body, as it goes
	 * @return the raw response
	 */
	public HttpResponse<String> post(String token, String body) {
		return send(request(token, body));
	}

	/**
	 * Posts a body with exactly the given headers (no {@code Content-Type} unless given).
	 * @param body the body, as it goes
	 * @param headers header names and values
	 * @return the raw response
	 */
	public HttpResponse<String> postRaw(String body, String... headers) {
		return send(HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
	}

	/**
	 * Sends any request, such as another HTTP method or a body of raw bytes.
	 * @param request the request, built on {@link #uri()} or elsewhere
	 * @param headers more header names and values
	 * @return the raw response
	 */
	public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/**
	 * Posts a body with the given headers; the answer must come with HTTP 200.
	 * @param body the body, as it goes
	 * @param headers header names and values
	 * @return the answer
	 */
	public JsonNode answer(String body, String... headers) {
		HttpResponse<String> response = postRaw(body, headers);
		assertThat(response.statusCode()).as("HTTP status for %s", body).isEqualTo(200);
		return json(response.body());
	}

	/**
	 * Posts a body as JSON and expects HTTP 200 with exactly the given JSON (compared as
	 * trees, so spacing and member order do not matter).
	 * @param body the request body
	 * @param expected the expected answer
	 */
	public void expect(String body, String expected) {
		HttpResponse<String> response = postRaw(body, "Content-Type", "application/json");
		assertThat(response.statusCode()).as("HTTP status for %s", body).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(json(response.body())).isEqualTo(json(expected));
	}

	/**
	 * Posts a body as JSON and expects HTTP 204 with nothing in it.
	 * @param body the request body
	 */
	public void expectNothing(String body) {
		HttpResponse<String> response = postRaw(body, "Content-Type", "application/json");
		assertThat(response.statusCode()).as("HTTP status for %s", body).isEqualTo(204);
		assertThat(response.body()).isEmpty();
	}

	private HttpRequest request(String token, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Named params in the order given.
	 * @param namesAndValues names and values, one after the other
	 * @return the params
	 */
	public static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	/**
	 * A request with a fresh numeric id.
	 * @param method the method
	 * @param params a map, a list, or {@code null} to leave them out
	 * @return the request, as JSON text
	 */
	public static String body(String method, Object params) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("jsonrpc", "2.0");
		request.put("id", ids.incrementAndGet());
		request.put("method", method);
		if (params != null) {
			request.put("params", params);
		}
		return write(request);
	}

	public static String write(Object value) {
		try {
			return mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads JSON text.
	 * @param text the text
	 * @return it, as a tree
	 * @throws AssertionError if it is not JSON
	 */
	public static JsonNode json(String text) {
		try {
			return mapper.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new AssertionError("Not JSON: " + text, ex);
		}
	}

}
