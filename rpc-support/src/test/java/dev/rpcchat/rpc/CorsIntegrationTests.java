package dev.rpcchat.rpc;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of another origin may call {@code POST /rpc} when
 * {@code chat.web.allowed-origins} lets it: the browser's preflight is answered, and so
 * is the call.
 */
class CorsIntegrationTests {

	private static final String NOOP = """
			{"jsonrpc": "2.0", "method": "whoami", "id": 1}""";

	@Nested
	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	class AnyOriginByDefault {

		@LocalServerPort
		int port;

		RpcTestClient rpc;

		@BeforeEach
		void connect() {
			this.rpc = RpcTestClient.to(this.port);
		}

		@Test
		void answersAPreflightForAuthorizationAndContentType() {
			HttpResponse<String> response = preflight(this.rpc, "https://page.example", "POST",
					"authorization,content-type");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
				.hasValueSatisfying((origin) -> assertThat(origin).isIn("*", "https://page.example"));
			// GET is the WebSocket upgrade of /rpc
			assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST,GET");
			assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
					(headers) -> assertThat(headers.toLowerCase()).contains("authorization").contains("content-type"));
			assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("1800");
			assertThat(response.body()).isEmpty();
		}

		@Test
		void answersACrossOriginCallForItsPage() {
			HttpResponse<String> response = this.rpc.postRaw(NOOP, "Origin", "https://page.example", "Content-Type",
					"application/json", "Authorization", "Bearer t0ken");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
				.hasValueSatisfying((origin) -> assertThat(origin).isIn("*", "https://page.example"));
			assertThat(RpcTestClient.json(response.body()).get("result").asText()).isEqualTo("t0ken");
		}

		@Test
		void leavesCallsWithoutOriginAsTheyWere() {
			HttpResponse<String> response = this.rpc.postRaw(NOOP);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().map()).doesNotContainKey("access-control-allow-origin")
				.doesNotContainKey("vary");
		}

		@Test
		void refusesAPreflightForAnotherMethodOrHeaderWithPlainJson() {
			for (HttpResponse<String> response : new HttpResponse[] {
					preflight(this.rpc, "https://page.example", "PUT", "content-type"),
					preflight(this.rpc, "https://page.example", "POST", "x-secret") }) {
				assertThat(response.statusCode()).isEqualTo(403);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
				assertThat(RpcTestClient.json(response.body()).get("error").asText())
					.startsWith("Cross-origin request refused");
			}
		}

	}

	@Nested
	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "chat.web.allowed-origins=https://chat.example.com,https://*.rpc-chat.example")
	class ListedOriginsOnly {

		@LocalServerPort
		int port;

		RpcTestClient rpc;

		@BeforeEach
		void connect() {
			this.rpc = RpcTestClient.to(this.port);
		}

		@Test
		void answersAPreflightAndACallFromAListedOrigin() {
			for (String origin : new String[] { "https://chat.example.com", "https://eu.rpc-chat.example" }) {
				HttpResponse<String> preflight = preflight(this.rpc, origin, "POST", "authorization");
				assertThat(preflight.statusCode()).as(origin).isEqualTo(200);
				assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
				HttpResponse<String> call = this.rpc.postRaw(NOOP, "Origin", origin);
				assertThat(call.statusCode()).isEqualTo(200);
				assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
			}
		}

		@Test
		void refusesAPreflightAndACallFromAnyOtherOriginBeforeTheCallRuns() {
			HttpResponse<String> preflight = preflight(this.rpc, "https://evil.example", "POST", "authorization");
			assertThat(preflight.statusCode()).isEqualTo(403);
			assertThat(preflight.headers().map()).doesNotContainKey("access-control-allow-origin");
			HttpResponse<String> call = this.rpc.postRaw(NOOP, "Origin", "https://evil.example");
			assertThat(call.statusCode()).isEqualTo(403);
			assertThat(RpcTestClient.json(call.body()).get("error").asText())
				.startsWith("Cross-origin request refused");
		}

	}

	static HttpResponse<String> preflight(RpcTestClient rpc, String origin, String method, String headers) {
		return rpc.send(HttpRequest.newBuilder(rpc.uri()).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
				"Origin", origin, "Access-Control-Request-Method", method, "Access-Control-Request-Headers", headers);
	}

}
