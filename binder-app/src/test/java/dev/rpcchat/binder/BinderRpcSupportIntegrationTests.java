package dev.rpcchat.binder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.rpcchat.test.RpcTestClient;
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

	private RpcTestClient client;

	@BeforeEach
	void connect() {
		this.client = RpcTestClient.to(this.port);
	}

	@Test
	void refusesARegistrationWithAnUnpairedSurrogateAndKeepsListing() {
		int before = this.client.result("list_procedures", null).size();
		JsonNode answer = this.client
			.answer("""
					{"jsonrpc": "2.0", "method": "register_procedure", "params": ["\\ud800", "127.0.0.1", 7001], "id": 1}""",
					"Content-Type", "application/json");
		assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32602);
		assertThat(answer.get("error").get("message").asText()).isEqualTo(
				"Invalid params: 'procedure_name' is not valid Unicode text: it has an unpaired UTF-16 surrogate");
		assertThat(answer.get("id").asInt()).isEqualTo(1);
		assertThat(this.client.result("list_procedures", null)).hasSize(before);
	}

	@Test
	void answersWithResultsTheSchemasOfItsDiscoveryAdmit() {
		JsonNode document = this.client.result("rpc.discover", null);
		assertThat(this.client.result("register_procedure", List.of("schema_probe", "127.0.0.1", 7003)).asBoolean())
			.isTrue();
		try {
			JsonNode entries = this.client.result("list_procedures", null);
			assertThat(entries.findValues("expires_at")).anySatisfy((expiry) -> assertThat(expiry.isNull()).isTrue());
			assertThat(errors(document, "list_procedures", entries)).isEmpty();
			JsonNode location = this.client.result("lookup_procedure", List.of("schema_probe"));
			assertThat(errors(document, "lookup_procedure", location)).isEmpty();
		}
		finally {
			this.client.result("unregister_procedure", List.of("schema_probe", "127.0.0.1", 7003));
		}
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
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST,GET");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
	}

	private static List<String> errors(JsonNode document, String method, JsonNode result) {
		for (JsonNode described : document.get("methods")) {
			if (described.get("name").asText().equals(method)) {
				return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
					.getSchema(described.at("/result/schema"))
					.validate(result)
					.stream()
					.map(Object::toString)
					.toList();
			}
		}
		throw new AssertionError("rpc.discover has no method " + method);
	}

	@Test
	void answersAPortTooLargeToReadAsParseError() {
		JsonNode answer = this.client.answer("""
				{"jsonrpc": "2.0", "method": "register_procedure", "params": ["join_room", "127.0.0.1", 1e99999999999],
				 "id": 1}""", "Content-Type", "application/json");
		assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32700);
		assertThat(answer.get("id").isNull()).isTrue();
		assertThat(this.client.result("list_procedures", null).findValuesAsText("procedure_name"))
			.doesNotContain("join_room");
	}

}
