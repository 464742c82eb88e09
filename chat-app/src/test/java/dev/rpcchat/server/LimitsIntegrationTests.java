package dev.rpcchat.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.rpcchat.server.ChatServerIntegrationTestSupport.unique;
import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ups and rooms per client address, and the most users and rooms, on a server with
 * low limits.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chat.binder.url=http://127.0.0.1:9/rpc", "chat.registration.ttl=1h",
				"chat.limits.registrations-per-minute=4", "chat.limits.rooms-per-minute=2", "chat.limits.max-users=3",
				"chat.limits.max-rooms=1" })
class LimitsIntegrationTests {

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	@BeforeEach
	void createClient() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void oneAddressRegistersAndCreatesRoomsOnlyAtItsRateAndTheServerHoldsOnlyItsMostUsersAndRooms() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		this.rpc.register(unique("bob"));
		this.rpc.register(unique("cid"));
		JsonNode full = this.rpc.call(null, "register_user", params("username", unique("dan"))).get("error");
		assertThat(full.get("code").asInt()).isEqualTo(1012);
		assertThat(full.get("data").get("reason").asText()).isEqualTo("SERVER_FULL");
		JsonNode limited = this.rpc.call(null, "register_user", params("username", unique("eve"))).get("error");
		assertThat(limited.get("code").asInt()).isEqualTo(1009);
		assertThat(limited.get("message").asText()).startsWith("Too many registrations from your address");
		assertThat(limited.get("data").get("retry_after_ms").asLong()).isBetween(1L, 15_000L);
		assertThat(this.rpc.errorCode(null, "register_user", params("username", "bad name"))).isEqualTo(1002);
		this.rpc.result(token, "create_room", params("room_name", unique("one")));
		assertThat(this.rpc.errorCode(token, "create_room", params("room_name", unique("two")))).isEqualTo(1012);
		assertThat(this.rpc.errorCode(token, "create_room", params("room_name", unique("three")))).isEqualTo(1009);
		assertThat(this.rpc.errorCode(null, "create_room", params("room_name", unique("four")))).isEqualTo(1008);
	}

}
