package dev.rpcchat.rpc;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches a client outside a normal call: oversized headers, other paths, other
 * methods; always JSON, never an HTML page or framework wording, and actuator untouched.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class HttpEdgesIntegrationTests {

	private static final String INVALID_REQUEST = """
			{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}""";

	private static final String NOT_FOUND = """
			{"error": "Not found: JSON-RPC is served at POST /rpc"}""";

	private static final String WHOAMI = """
			{"jsonrpc": "2.0", "method": "whoami", "id": 1}""";

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	@BeforeEach
	void connect() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void acceptsThreeKilobyteAuthorizationHeader() {
		String token = "x".repeat(3_000);
		HttpResponse<String> response = send(post("/rpc", WHOAMI).header("Authorization", "Bearer " + token));
		assertJson(response, 200);
		assertThat(RpcTestClient.json(response.body()).get("result").asText()).isEqualTo(token);
	}

	@Test
	void refusesFiveKilobyteHeaderWithJsonRpcInvalidRequest() {
		HttpResponse<String> response = send(
				post("/rpc", WHOAMI).header("Authorization", "Bearer " + "x".repeat(5_000)));
		assertJson(response, 200);
		assertThat(RpcTestClient.json(response.body())).isEqualTo(RpcTestClient.json(INVALID_REQUEST));
		this.rpc.expect(WHOAMI, """
				{"jsonrpc": "2.0", "result": null, "id": 1}""");
	}

	@Test
	void refusesFiveKilobyteHeaderElsewhereWithPlainJson() {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/nowhere")).header("X-Big", "x".repeat(5_000)));
		assertJson(response, 400);
		assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("html");
	}

	@Test
	void servesTrailingSlashLikeRpc() {
		HttpResponse<String> response = send(post("/rpc/", """
				{"jsonrpc": "2.0", "method": "subtract", "params": [3, 1], "id": 7}"""));
		assertJson(response, 200);
		assertThat(RpcTestClient.json(response.body())).isEqualTo(RpcTestClient.json("""
				{"jsonrpc": "2.0", "result": 2, "id": 7}"""));
	}

	@Test
	void answersOtherPathsWithPlainNotFound() {
		for (HttpRequest.Builder request : new HttpRequest.Builder[] { post("/RPC", WHOAMI), post("/rpc/x", WHOAMI),
				HttpRequest.newBuilder(uri("/nowhere")),
				HttpRequest.newBuilder(uri("/nowhere")).header("Accept", "text/html") }) {
			HttpResponse<String> response = send(request);
			assertJson(response, 404);
			assertThat(RpcTestClient.json(response.body())).isEqualTo(RpcTestClient.json(NOT_FOUND));
		}
	}

	@Test
	void answersOtherMethodsOnRpcWithMethodNotAllowed() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/rpc")));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		assertThat(response.body()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "OPTIONS", "TRACE", "PUT", "DELETE", "PATCH" })
	void refusesEveryOtherMethodOnRpcWithMethodNotAllowed(String method) {
		for (String path : new String[] { "/rpc", "/rpc/" }) {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
			assertThat(response.headers().allValues("Allow")).as(method + " " + path).containsExactly("POST");
			assertThat(response.body()).isEmpty();
		}
	}

	@Test
	void answersTheErrorPathItselfAsNotFound() {
		for (HttpRequest.Builder request : new HttpRequest.Builder[] { HttpRequest.newBuilder(uri("/error")),
				post("/error", WHOAMI), HttpRequest.newBuilder(uri("/error?status=500")) }) {
			HttpResponse<String> response = send(request);
			assertJson(response, 404);
			assertThat(RpcTestClient.json(response.body())).isEqualTo(RpcTestClient.json(NOT_FOUND));
		}
	}

	@Test
	void leavesActuatorEndpointsAlone() {
		HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")));
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(RpcTestClient.json(health.body()).get("status").asText()).isEqualTo("UP");
		HttpResponse<String> prometheus = send(HttpRequest.newBuilder(uri("/actuator/prometheus")));
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("# TYPE");
	}

	private void assertJson(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).doesNotContain("<").doesNotContain("timestamp").doesNotContain("Exception");
	}

	private HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return this.rpc.send(request);
	}

}
