package dev.rpcchat.server;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class ImpersonationIntegrationTests extends ChatServerIntegrationTestSupport {

	private String ana;

	private String anaToken;

	private String mallory;

	private String malloryToken;

	private String room;

	private String otherRoom;

	@BeforeEach
	void anaIsInARoomWithAMessageWaiting() {
		this.ana = unique("ana");
		this.mallory = unique("mallory");
		this.room = unique("room");
		this.otherRoom = unique("other");
		this.anaToken = this.rpc.register(this.ana);
		this.malloryToken = this.rpc.register(this.mallory);
		createRoom(this.anaToken, this.room);
		createRoom(this.anaToken, this.otherRoom);
		join(this.anaToken, this.ana, this.room);
		join(this.malloryToken, this.mallory, this.room);
		receive(this.anaToken, this.ana, this.room);
		send(this.malloryToken, this.mallory, this.room, "waiting for ana");
	}

	@Test
	void everyMethodNamingAUserRefusesAnotherUsersToken() {
		assertEveryMethodRefused(this.malloryToken);
	}

	@Test
	void everyMethodNamingAUserRefusesAMissingToken() {
		assertEveryMethodRefused(null);
	}

	@Test
	void everyMethodNamingAUserRefusesAnUnknownToken() {
		assertEveryMethodRefused("not-a-token");
		assertEveryMethodRefused("");
	}

	@Test
	void createRoomNeedsTheTokenOfSomeUser() {
		assertThat(this.rpc.errorCode(null, "create_room", params("room_name", unique("x")))).isEqualTo(1008);
		assertThat(this.rpc.errorCode("bogus", "create_room", params("room_name", unique("x")))).isEqualTo(1008);
		assertThat(this.rpc.error(null, "create_room", params("room_name", unique("x")))
			.get("data")
			.get("reason")
			.asText()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void theTokenIsCheckedBeforeNamesAndRoomState() {
		assertThat(this.rpc.errorCode(this.malloryToken, "join_room",
				params("username", this.ana, "room_name", "bad name!")))
			.isEqualTo(1008);
		assertThat(this.rpc.errorCode(this.malloryToken, "send_message",
				params("username", this.ana, "room_name", unique("missing"), "message", "")))
			.isEqualTo(1008);
		assertThat(this.rpc.errorCode(null, "leave_room", params("username", "", "room_name", ""))).isEqualTo(1008);
	}

	private void assertEveryMethodRefused(String token) {
		Map<String, Map<String, Object>> calls = Map.of("unregister_user", params("username", this.ana), "heartbeat",
				params("username", this.ana), "join_room", params("username", this.ana, "room_name", this.otherRoom),
				"leave_room", params("username", this.ana, "room_name", this.room), "send_message",
				params("username", this.ana, "room_name", this.room, "message", "forged"), "receive_messages",
				params("username", this.ana, "room_name", this.room));
		calls.forEach((method, params) -> {
			var error = this.rpc.error(token, method, params);
			assertThat(error.get("code").asInt()).as(method).isEqualTo(1008);
			assertThat(error.get("data").get("reason").asText()).isEqualTo("UNAUTHORIZED");
		});
		assertNothingChanged();
	}

	private void assertNothingChanged() {
		assertThat(this.rpc.errorCode(null, "register_user", params("username", this.ana))).isEqualTo(1001);
		assertThat(texts(this.rpc.result(null, "list_users", params("room_name", this.room))))
			.containsExactlyInAnyOrder(this.ana, this.mallory);
		assertThat(texts(this.rpc.result(null, "list_users", params("room_name", this.otherRoom)))).isEmpty();
		assertThat(contents(receive(this.anaToken, this.ana, this.room))).containsExactly("waiting for ana");
		send(this.malloryToken, this.mallory, this.room, "waiting for ana");
	}

}
