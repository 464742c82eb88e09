package dev.rpcchat.binder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the binder gets from rpc-support: text that is not Unicode and numbers too large
 * to read are refused, so such a registration changes nothing and listings keep working
 * for everyone; a browser page of another origin may call it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BinderRpcSupportIntegrationTests {

	@LocalServerPort
	private int port;

	private JsonRpcTestClient client;

	@BeforeEach
	void connect() {
		this.client = new JsonRpcTestClient(this.port);
	}

	@Test
	void refusesARegistrationWithAnUnpairedSurrogateAndKeepsListing() {
		int before = this.client.result("list_procedures", null).size();
		JsonNode answer = this.client
			.post("""
					{"jsonrpc": "2.0", "method": "register_procedure", "params": ["\\ud800", "127.0.0.1", 7001], "id": 1}""",
					null);
		assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32602);
		assertThat(answer.get("error").get("message").asText()).isEqualTo(
				"Invalid params: 'procedure_name' is not valid Unicode text: it has an unpaired UTF-16 surrogate");
		assertThat(answer.get("id").asInt()).isEqualTo(1);
		assertThat(this.client.result("list_procedures", null)).hasSize(before);
	}

	@Test
	void answersABrowsersPreflightForPostRpc() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/rpc"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", "https://page.example")
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "authorization,content-type")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
	}

	@Test
	void answersAPortTooLargeToReadAsParseError() {
		JsonNode answer = this.client.post("""
				{"jsonrpc": "2.0", "method": "register_procedure", "params": ["join_room", "127.0.0.1", 1e99999999999],
				 "id": 1}""", null);
		assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32700);
		assertThat(answer.get("id").isNull()).isTrue();
		assertThat(this.client.result("list_procedures", null).findValuesAsText("procedure_name"))
			.doesNotContain("join_room");
	}

}
