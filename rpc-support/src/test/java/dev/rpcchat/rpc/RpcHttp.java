package dev.rpcchat.rpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts raw bodies to a running {@code /rpc} over real HTTP and compares JSON answers as
 * trees.
 */
public final class RpcHttp {

	public static final ObjectMapper mapper = new ObjectMapper();

	private final HttpClient client = HttpClient.newHttpClient();

	private final URI uri;

	public RpcHttp(int port) {
		this.uri = URI.create("http://localhost:" + port + "/rpc");
	}

	public URI uri() {
		return this.uri;
	}

	public HttpResponse<String> post(String body, String... headers) {
		return send(HttpRequest.newBuilder(this.uri).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
	 * Posts a body and expects HTTP 200 with exactly the given JSON.
	 * @param body the request body
	 * @param expected the expected answer
	 */
	public void expect(String body, String expected) {
		HttpResponse<String> response = post(body, "Content-Type", "application/json");
		assertThat(response.statusCode()).as("HTTP status for %s", body).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(json(response.body())).isEqualTo(json(expected));
	}

	/**
	 * Posts a body and expects HTTP 204 with nothing in it.
	 * @param body the request body
	 */
	public void expectNothing(String body) {
		HttpResponse<String> response = post(body, "Content-Type", "application/json");
		assertThat(response.statusCode()).as("HTTP status for %s", body).isEqualTo(204);
		assertThat(response.body()).isEmpty();
	}

	public JsonNode call(String body, String... headers) {
		HttpResponse<String> response = post(body, headers);
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response.body());
	}

	public static JsonNode json(String text) {
		try {
			return mapper.readTree(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
