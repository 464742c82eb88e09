package dev.rpcchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/**
 * {@code java.net.http.HttpClient} pinned to HTTP/1.1, its pool keeping the connections
 * alive.
 */
final class JdkHttpTransport implements HttpTransport {

	private final HttpClient client;

	private final URI endpoint;

	JdkHttpTransport(HttpClient client, URI endpoint) {
		this.client = client;
		this.endpoint = endpoint;
	}

	static HttpClient newClient(SSLContext tls) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.sslContext(tls)
			.build();
	}

	@Override
	public Response post(byte[] body, String bearerToken) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	@Override
	public void close() {
		// the shared client owns the connections
	}

}
