package dev.rpcchat.rpc.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.rpcchat.rpc.SampleApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which web pages may use the service: the WebSocket handshake and CORS on
 * {@code POST /rpc} both follow the allowed origins; clients that send no origin are not
 * browsers and pass.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "chat.web.allowed-origins=https://good.example,https://*.friends.example")
class BrowserOriginsIntegrationTests {

	private static final String SUBTRACT = """
			{"jsonrpc": "2.0", "method": "subtract", "params": [3, 1], "id": 1}""";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void opensSocketsForAllowedOriginsAndClientsWithoutOne() {
		for (String[] headers : new String[][] { { "Origin", "https://good.example" },
				{ "Origin", "https://chat.friends.example" }, {} }) {
			try (RpcTestSocket socket = RpcTestSocket.open(this.port, headers)) {
				assertThat(socket.exchange(SUBTRACT).get("result").asInt()).isEqualTo(2);
			}
		}
	}

	@Test
	void refusesTheHandshakeOfOtherOrigins() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RpcTestSocket.open(this.port, "Origin", "https://evil.example"))
			.havingRootCause()
			.withMessageContaining("403");
	}

	@Test
	void answersPreflightsOfAllowedOriginsOnly() throws Exception {
		HttpResponse<String> allowed = send(preflight("https://good.example"));
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://good.example");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("authorization", "content-type");
		assertThat(send(preflight("https://evil.example")).statusCode()).isEqualTo(403);
	}

	@Test
	void letsAllowedPagesReadTheAnswersOfPosts() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(rpc())
			.header("Origin", "https://good.example")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(SUBTRACT)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://good.example");
		assertThat(RpcTestClient.json(response.body()).get("result").asInt()).isEqualTo(2);
	}

	private HttpRequest.Builder preflight(String origin) {
		return HttpRequest.newBuilder(rpc())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody());
	}

	private URI rpc() {
		return URI.create("http://localhost:" + this.port + "/rpc");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
