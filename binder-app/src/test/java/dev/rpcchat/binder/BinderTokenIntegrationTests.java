package dev.rpcchat.binder;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "binder.token=" + BinderTokenIntegrationTests.TOKEN)
class BinderTokenIntegrationTests {

	static final String TOKEN = "binder-secret-7f3a";

	@LocalServerPort
	private int port;

	private RpcTestClient client;

	@BeforeEach
	void registerOneEntry() {
		this.client = RpcTestClient.to(this.port);
		this.client.result(TOKEN, "register_procedure", List.of("join_room", "127.0.0.1", 7000));
	}

	@Test
	void registeringWithoutTheTokenIs1008AndChangesNothing() {
		JsonNode before = this.client.result("list_procedures", null);
		JsonNode error = this.client.error(null, "register_procedure", List.of("join_room", "10.6.6.6", 7000));
		assertThat(error.get("code").asInt()).isEqualTo(1008);
		assertThat(error.get("data").get("reason").asText()).isEqualTo("UNAUTHORIZED");
		assertThat(error.toString()).doesNotContain(TOKEN);
		assertThat(this.client.result("list_procedures", null)).isEqualTo(before);
	}

	@Test
	void registeringWithAWrongTokenIs1008AndChangesNothing() {
		JsonNode before = this.client.result("list_procedures", null);
		JsonNode error = this.client.error("guess", "register_procedure", List.of("join_room", "10.6.6.6", 7000));
		assertThat(error.get("code").asInt()).isEqualTo(1008);
		assertThat(this.client.result("list_procedures", null)).isEqualTo(before);
	}

	@Test
	void unregisteringWithoutOrWithAWrongTokenIs1008AndChangesNothing() {
		JsonNode before = this.client.result("list_procedures", null);
		List<Object> params = List.of("join_room", "127.0.0.1", 7000);
		assertThat(this.client.error(null, "unregister_procedure", params).get("code").asInt()).isEqualTo(1008);
		assertThat(this.client.error(TOKEN + "x", "unregister_procedure", params).get("code").asInt()).isEqualTo(1008);
		assertThat(this.client.result("list_procedures", null)).isEqualTo(before);
	}

	@Test
	void tokenIsCheckedBeforeTheEndpoint() {
		assertThat(this.client.error(null, "register_procedure", List.of("", "", 0)).get("code").asInt())
			.isEqualTo(1008);
		assertThat(this.client.error(TOKEN, "register_procedure", List.of("", "", 0)).get("code").asInt())
			.isEqualTo(2002);
	}

	@Test
	void parameterTypesAreCheckedBeforeTheToken() {
		assertThat(this.client.error(null, "register_procedure", List.of("join_room", "127.0.0.1", 7000, 0))
			.get("code")
			.asInt()).isEqualTo(-32602);
		assertThat(this.client.error(null, "register_procedure", List.of("join_room", "127.0.0.1", "x"))
			.get("code")
			.asInt()).isEqualTo(-32602);
	}

	@Test
	void writesWithTheTokenSucceed() {
		assertThat(this.client
			.result(TOKEN, "register_procedure",
					Map.of("procedure_name", "leave_room", "address", "127.0.0.1", "port", 7000, "ttl_seconds", 30))
			.asBoolean()).isTrue();
		assertThat(
				this.client.result(TOKEN, "unregister_procedure", List.of("leave_room", "127.0.0.1", 7000)).asBoolean())
			.isTrue();
	}

	@Test
	void lookupsStayOpen() {
		assertThat(this.client.result(null, "lookup_procedure", List.of("join_room")).get("port").asInt())
			.isEqualTo(7000);
		assertThat(this.client.result(null, "list_procedures", null)).hasSize(1);
		assertThat(this.client.result("wrong", "lookup_procedure", List.of("join_room")).get("port").asInt())
			.isEqualTo(7000);
	}

}
