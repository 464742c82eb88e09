package dev.rpcchat.binder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpcchat.api.WireJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends JSON-RPC requests over real HTTP, as a client of the binder would.
 */
final class JsonRpcTestClient {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper mapper = WireJson.newObjectMapper();

	private final AtomicLong ids = new AtomicLong();

	private final URI uri;

	JsonRpcTestClient(int port) {
		this.uri = URI.create("http://localhost:" + port + "/rpc");
	}

	/**
	 * Calls a method and returns the whole response envelope.
	 * @param method the method name
	 * @param params an object, an array, or {@code null} to leave them out
	 * @param token the bearer token, or {@code null}
	 * @return the response body
	 */
	JsonNode call(String method, Object params, String token) {
		ObjectNode request = this.mapper.createObjectNode();
		request.put("jsonrpc", "2.0");
		request.put("method", method);
		if (params != null) {
			request.set("params", this.mapper.valueToTree(params));
		}
		request.put("id", this.ids.incrementAndGet());
		return post(request.toString(), token);
	}

	JsonNode call(String method, Object params) {
		return call(method, params, null);
	}

	/**
	 * Calls a method that must succeed.
	 * @param method the method name
	 * @param params an object, an array, or {@code null}
	 * @param token the bearer token, or {@code null}
	 * @return the {@code result} member
	 */
	JsonNode result(String method, Object params, String token) {
		JsonNode response = call(method, params, token);
		assertThat(response.has("error")).as("error in %s", response).isFalse();
		return response.get("result");
	}

	JsonNode result(String method, Object params) {
		return result(method, params, null);
	}

	/**
	 * Calls a method that must fail.
	 * @param method the method name
	 * @param params an object, an array, or {@code null}
	 * @param token the bearer token, or {@code null}
	 * @return the {@code error} member
	 */
	JsonNode error(String method, Object params, String token) {
		JsonNode response = call(method, params, token);
		assertThat(response.has("error")).as("error expected in %s", response).isTrue();
		return response.get("error");
	}

	JsonNode error(String method, Object params) {
		return error(method, params, null);
	}

	JsonNode post(String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return this.mapper.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
