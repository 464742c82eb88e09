package dev.rpcchat.server;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.Test;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class BadInputIntegrationTests extends ChatServerIntegrationTestSupport {

	@Test
	void wrongParameterTypesAreInvalidParams() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		assertThat(this.rpc.errorCode(null, "register_user", params("username", 42))).isEqualTo(-32602);
		assertThat(this.rpc.errorCode(token, "join_room", params("username", ana, "room_name", true)))
			.isEqualTo(-32602);
		assertThat(this.rpc.errorCode(token, "receive_messages",
				params("username", ana, "room_name", "x", "after_id", "ten")))
			.isEqualTo(-32602);
	}

	@Test
	void missingOrUnknownParametersAreInvalidParams() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		assertThat(this.rpc.errorCode(null, "register_user", params())).isEqualTo(-32602);
		assertThat(this.rpc.errorCode(token, "send_message", params("username", ana, "room_name", "x")))
			.isEqualTo(-32602);
		assertThat(this.rpc.errorCode(token, "heartbeat", params("username", ana, "colour", "blue"))).isEqualTo(-32602);
	}

	@Test
	void positionalParametersWork() {
		String ana = unique("ana");
		String room = unique("pos");
		String token = this.rpc.register(ana);
		this.rpc.result(token, "create_room", new Object[] { room });
		this.rpc.result(token, "join_room", new Object[] { ana, room });
		JsonNode sent = this.rpc.result(token, "send_message", new Object[] { ana, room, "hi", null, "p-1" });
		assertThat(sent.get("content").asText()).isEqualTo("hi");
		assertThat(contents(this.rpc.result(token, "receive_messages", new Object[] { ana, room, 0, 0 })))
			.containsExactly("hi");
	}

	@Test
	void unknownUsersAreUnauthorizedAndUnknownRoomsAreNotFound() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		String missing = unique("missing");
		assertThat(this.rpc.errorCode(null, "join_room", params("username", unique("ghost"), "room_name", missing)))
			.isEqualTo(1008);
		assertThat(this.rpc.errorCode(token, "join_room", params("username", ana, "room_name", missing)))
			.isEqualTo(1004);
		assertThat(this.rpc.errorCode(token, "leave_room", params("username", ana, "room_name", missing)))
			.isEqualTo(1004);
		assertThat(this.rpc.errorCode(token, "send_message",
				params("username", ana, "room_name", missing, "message", "x")))
			.isEqualTo(1004);
		assertThat(this.rpc.errorCode(token, "receive_messages", params("username", ana, "room_name", missing)))
			.isEqualTo(1004);
		JsonNode error = this.rpc.error(null, "list_users", params("room_name", missing));
		assertThat(error.get("code").asInt()).isEqualTo(1004);
		assertThat(error.get("data").get("reason").asText()).isEqualTo("ROOM_NOT_FOUND");
	}

	@Test
	void invalidNamesAreRefused() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		for (String name : new String[] { "", "a b", "semi;colon", "x".repeat(33), "slash/", "tab\t" }) {
			assertThat(this.rpc.errorCode(null, "register_user", params("username", name))).as(name).isEqualTo(1002);
		}
		assertThat(this.rpc.result(null, "register_user", params("username", "u_-." + "x".repeat(28)))).isNotNull();
		assertThat(this.rpc.errorCode(token, "create_room", params("room_name", "r".repeat(65)))).isEqualTo(1002);
		assertThat(this.rpc.errorCode(token, "create_room", params("room_name", ""))).isEqualTo(1002);
		assertThat(this.rpc.result(token, "create_room", params("room_name", unique("r").concat("r".repeat(50)))))
			.isNotNull();
		assertThat(this.rpc.errorCode(token, "join_room", params("username", ana, "room_name", "no way")))
			.isEqualTo(1002);
		assertThat(this.rpc.errorCode(null, "list_users", params("room_name", "no way"))).isEqualTo(1002);
	}

	@Test
	void blankAndTooLongMessagesAreInvalidCountingCodePoints() {
		String ana = unique("ana");
		String room = unique("len");
		String token = this.rpc.register(ana);
		createRoom(token, room);
		join(token, ana, room);
		for (String blank : new String[] { "", " ", "\n\t ", "\u00a0", "\u200b", "\u3000 \ufeff" }) {
			assertThat(this.rpc.errorCode(token, "send_message",
					params("username", ana, "room_name", room, "message", blank)))
				.isEqualTo(1007);
		}
		String emoji = "\uD83D\uDE00";
		assertThat(send(token, ana, room, emoji.repeat(2000)).get("content").asText()).isEqualTo(emoji.repeat(2000));
		assertThat(this.rpc.errorCode(token, "send_message",
				params("username", ana, "room_name", room, "message", emoji.repeat(2001))))
			.isEqualTo(1007);
		assertThat(this.rpc.errorCode(token, "send_message",
				params("username", ana, "room_name", room, "message", "x".repeat(2001))))
			.isEqualTo(1007);
	}

	@Test
	void controlCharactersBidiOverridesAndLoneSurrogatesAreInvalidMessagesAndNothingIsStored() {
		String ana = unique("ana");
		String bob = unique("bob");
		String room = unique("ctl");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		join(bobToken, bob, room);
		receive(bobToken, bob, room);
		for (String text : new String[] { "\u001b[2J\u001b[31mred", "fake\r[..] #room bia -> you [private]: hi",
				"nul\u0000", "del\u007f", "c1\u009b31m", "evil\u202etxt.exe", "iso\u2066x\u2069" }) {
			assertThat(this.rpc.errorCode(anaToken, "send_message",
					params("username", ana, "room_name", room, "message", text)))
				.as(text)
				.isEqualTo(1007);
		}
		// Valid JSON, but no text; the envelope may refuse it already, as any such
		// string.
		String raw = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"send_message\",\"params\":{\"username\":" + quote(ana)
				+ ",\"room_name\":" + quote(room) + ",\"message\":\"half \\ud800\"}}";
		assertThat(RpcTestClient.json(this.rpc.post(anaToken, raw).body()).get("error").get("code").asInt()).isIn(1007,
				-32602);
		assertThat(receive(bobToken, bob, room)).isEmpty();
		send(anaToken, ana, room, "two\n\tlines");
		assertThat(contents(receive(bobToken, bob, room))).containsExactly("two\n\tlines");
	}

	@Test
	void aRepeatIsAnsweredBeforeTheContentIsChecked() {
		String ana = unique("ana");
		String room = unique("rep");
		String token = this.rpc.register(ana);
		createRoom(token, room);
		join(token, ana, room);
		JsonNode first = this.rpc.result(token, "send_message",
				params("username", ana, "room_name", room, "message", "oi", "client_msg_id", "once"));
		assertThat(this.rpc.result(token, "send_message",
				params("username", ana, "room_name", room, "message", " ", "client_msg_id", "once")))
			.isEqualTo(first);
		assertThat(this.rpc.errorCode(null, "send_message",
				params("username", ana, "room_name", room, "message", " ", "client_msg_id", "once")))
			.isEqualTo(1008);
	}

	@Test
	void unicodeAndEmojiRoundTripExactly() {
		String ana = unique("José");
		String room = unique("café");
		String token = this.rpc.register(ana);
		createRoom(token, room);
		JsonNode joined = join(token, ana, room);
		assertThat(joined.get("room_name").asText()).isEqualTo(room);
		String text = "olá 😀 👩‍👩‍👧 日本語 e\u0301 \"quoted\" \\ \uD834\uDD1E\n\tnext line";
		String raw = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"send_message\",\"params\":{\"username\":" + quote(ana)
				+ ",\"room_name\":" + quote(room) + ",\"message\":" + quote(text) + "}}";
		HttpResponse<String> response = this.rpc.post(token, raw);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(RpcTestClient.json(response.body()).get("result").get("content").asText()).isEqualTo(text);
		JsonNode received = receive(token, ana, room);
		assertThat(received.get(0).get("content").asText()).isEqualTo(text);
		assertThat(received.get(0).get("sender").asText()).isEqualTo(ana);
	}

	@Test
	void aTenMegabyteBodyIsRefusedAndTheServerGoesOn() {
		String padding = "x".repeat(10 * 1024 * 1024);
		String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"register_user\",\"params\":{\"username\":\"" + padding
				+ "\"}}";
		HttpResponse<String> response = this.rpc.post(null, body);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answer = RpcTestClient.json(response.body());
		assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32600);
		assertThat(answer.get("id").isNull()).isTrue();
		assertThat(this.rpc.register(unique("after"))).isNotEmpty();
	}

	@Test
	void theCallerGetsNoStackTraceOrClassName() {
		HttpResponse<String> response = this.rpc.post(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"join_room\"}");
		assertThat(response.body()).doesNotContain("Exception", "dev.rpcchat", "java.");
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		text.chars().forEach((c) -> {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append((char) c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", c));
			}
			else {
				quoted.append((char) c);
			}
		});
		return quoted.append('"').toString();
	}

}
