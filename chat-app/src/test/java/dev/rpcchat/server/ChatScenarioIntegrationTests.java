package dev.rpcchat.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class ChatScenarioIntegrationTests extends ChatServerIntegrationTestSupport {

	@Test
	void twoUsersRegisterCreateJoinTalkAndLeave() {
		String ana = unique("Ana");
		String bob = unique("bob");
		String room = unique("Geral");
		JsonNode registered = this.rpc.result(null, "register_user", params("username", ana));
		assertThat(registered.get("username").asText()).isEqualTo(ana);
		String anaToken = registered.get("token").asText();
		assertThat(anaToken).hasSizeGreaterThanOrEqualTo(32);
		String bobToken = this.rpc.register(bob);
		JsonNode created = this.rpc.result(anaToken, "create_room", params("room_name", room));
		assertThat(created.get("room_name").asText()).isEqualTo(room);
		assertThat(created.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(texts(this.rpc.result(null, "list_rooms", null))).contains(room);
		JsonNode anaJoined = join(anaToken, ana.toLowerCase(), room.toUpperCase());
		assertThat(anaJoined.get("room_name").asText()).isEqualTo(room);
		assertThat(texts(anaJoined.get("users"))).containsExactly(ana);
		assertThat(anaJoined.get("messages")).isEmpty();
		JsonNode bobJoined = join(bobToken, bob, room);
		assertThat(texts(bobJoined.get("users"))).containsExactly(ana, bob);
		JsonNode sent = send(anaToken, ana, room, "oi");
		assertThat(sent.get("type").asText()).isEqualTo("broadcast");
		assertThat(sent.get("sender").asText()).isEqualTo(ana);
		assertThat(sent.get("recipient").isNull()).isTrue();
		assertThat(sent.get("room_name").asText()).isEqualTo(room);
		assertThat(sent.get("timestamp").asText()).endsWith("Z");
		JsonNode bobReads = receive(bobToken, bob, room);
		assertThat(bobReads).hasSize(1);
		assertThat(bobReads.get(0)).isEqualTo(sent);
		assertThat(receive(bobToken, bob, room)).isEmpty();
		JsonNode anaReads = receive(anaToken, ana, room);
		assertThat(contents(anaReads)).containsExactly(bob + " joined", "oi");
		assertThat(anaReads.get(0).get("type").asText()).isEqualTo("system");
		assertThat(anaReads.get(0).get("sender").isNull()).isTrue();
		assertThat(this.rpc.result(bobToken, "leave_room", params("username", bob, "room_name", room)).asBoolean())
			.isTrue();
		assertThat(contents(receive(anaToken, ana, room))).containsExactly(bob + " left");
		assertThat(texts(this.rpc.result(null, "list_users", params("room_name", room)))).containsExactly(ana);
		assertThat(this.rpc.errorCode(bobToken, "receive_messages", params("username", bob, "room_name", room)))
			.isEqualTo(1005);
	}

	@Test
	void threeUsersBroadcastAndAUnicastReachesOnlyItsRecipient() {
		String ana = unique("ana");
		String bob = unique("bob");
		String cid = unique("cid");
		String room = unique("sala");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		String cidToken = this.rpc.register(cid);
		createRoom(cidToken, room);
		join(anaToken, ana, room);
		join(bobToken, bob, room);
		join(cidToken, cid, room);
		receive(anaToken, ana, room);
		receive(bobToken, bob, room);
		send(anaToken, ana, room, "hello all");
		JsonNode unicast = sendTo(bobToken, bob, room, cid.toUpperCase(), "only for cid");
		assertThat(unicast.get("type").asText()).isEqualTo("unicast");
		assertThat(unicast.get("recipient").asText()).isEqualTo(cid);
		send(cidToken, cid, room, "bye");
		assertThat(contents(receive(anaToken, ana, room))).containsExactly("hello all", "bye");
		assertThat(contents(receive(bobToken, bob, room))).as("a sender does not receive its own unicast")
			.containsExactly("hello all", "bye");
		assertThat(contents(receive(cidToken, cid, room))).containsExactly("hello all", "only for cid", "bye");
		assertThat(this.rpc.errorCode(anaToken, "send_message",
				params("username", ana, "room_name", room, "message", "x", "recipient", unique("nobody"))))
			.isEqualTo(1006);
	}

	@Test
	void joiningReturnsExactlyTheLast50BroadcastsOldestFirstNeverAPrivateOne() {
		String ana = unique("ana");
		String bob = unique("bob");
		String dan = unique("dan");
		String room = unique("history");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		String danToken = this.rpc.register(dan);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		join(bobToken, bob, room);
		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			send(anaToken, ana, room, "b" + i);
			sendTo(anaToken, ana, room, bob, "secret" + i);
		}
		this.rpc.result(bobToken, "leave_room", params("username", bob, "room_name", room));
		join(bobToken, bob, room);
		for (int i = 31; i <= 60; i++) {
			send(bobToken, bob, room, "b" + i);
		}
		for (int i = 11; i <= 60; i++) {
			expected.add("b" + i);
		}
		JsonNode joined = join(danToken, dan, room);
		assertThat(contents(joined.get("messages"))).containsExactlyElementsOf(expected);
		joined.get("messages").forEach((message) -> assertThat(message.get("type").asText()).isEqualTo("broadcast"));
		assertThat(receive(danToken, dan, room)).isEmpty();
		JsonNode again = join(danToken, dan, room);
		assertThat(contents(again.get("messages"))).containsExactlyElementsOf(expected);
		assertThat(texts(again.get("users"))).containsExactlyInAnyOrder(ana, bob, dan);
		assertThat(contents(receive(anaToken, ana, room))).filteredOn((content) -> content.equals(dan + " joined"))
			.hasSize(1);
	}

	@Test
	void aRepeatedClientMsgIdReturnsTheFirstMessageAndStoresNothingNew() {
		String ana = unique("ana");
		String room = unique("idem");
		String anaToken = this.rpc.register(ana);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		JsonNode first = this.rpc.result(anaToken, "send_message",
				params("username", ana, "room_name", room, "message", "once", "client_msg_id", "m-1"));
		JsonNode repeat = this.rpc.result(anaToken, "send_message",
				params("username", ana, "room_name", room, "message", "", "client_msg_id", "m-1"));
		assertThat(repeat).isEqualTo(first);
		assertThat(contents(receive(anaToken, ana, room))).containsExactly("once");
	}

	@Test
	void aClientCursorRepeatsALostAnswer() {
		String ana = unique("ana");
		String bob = unique("bob");
		String room = unique("cursor");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		join(bobToken, bob, room);
		JsonNode one = send(anaToken, ana, room, "one");
		send(anaToken, ana, room, "two");
		assertThat(contents(receive(bobToken, bob, room))).containsExactly("one", "two");
		JsonNode again = this.rpc.result(bobToken, "receive_messages",
				params("username", bob, "room_name", room, "after_id", one.get("id").asLong() - 1));
		assertThat(contents(again)).containsExactly("one", "two");
		JsonNode fromZero = this.rpc.result(bobToken, "receive_messages",
				params("username", bob, "room_name", room, "after_id", 0));
		assertThat(contents(fromZero)).containsExactly("one", "two");
	}

	@Test
	void namesAreMatchedCaseInsensitivelyAndKeepTheirRegisteredCase() {
		String ana = unique("AnA");
		String anaToken = this.rpc.register(ana);
		assertThat(this.rpc.errorCode(null, "register_user", params("username", ana.toLowerCase()))).isEqualTo(1001);
		assertThat(this.rpc.errorCode(null, "register_user", params("username", ana.toUpperCase()))).isEqualTo(1001);
		JsonNode lease = this.rpc.result(anaToken, "heartbeat", params("username", ana.toUpperCase()));
		assertThat(lease.get("username").asText()).isEqualTo(ana);
		assertThat(lease.get("expires_at").asText()).endsWith("Z");
		String room = unique("RoOm");
		createRoom(anaToken, room);
		assertThat(this.rpc.errorCode(anaToken, "create_room", params("room_name", room.toLowerCase())))
			.isEqualTo(1003);
		assertThat(join(anaToken, ana.toLowerCase(), room.toLowerCase()).get("room_name").asText()).isEqualTo(room);
	}

	@Test
	void listsAreSortedCaseInsensitively() {
		String prefix = unique("sort");
		String token = this.rpc.register(prefix + "-user");
		createRoom(token, prefix + "-b");
		createRoom(token, prefix + "-A");
		createRoom(token, prefix + "-c");
		List<String> rooms = texts(this.rpc.result(null, "list_rooms", null));
		assertThat(rooms.stream().filter((name) -> name.startsWith(prefix))).containsExactly(prefix + "-A",
				prefix + "-b", prefix + "-c");
		String zed = this.rpc.register("Z" + prefix);
		String amy = this.rpc.register("a" + prefix);
		join(zed, "Z" + prefix, prefix + "-b");
		join(amy, "a" + prefix, prefix + "-b");
		assertThat(texts(this.rpc.result(null, "list_users", params("room_name", prefix + "-B"))))
			.containsExactly("a" + prefix, "Z" + prefix);
	}

	@Test
	void unregisteringLeavesEveryRoomAnnouncedAndFreesTheName() {
		String ana = unique("ana");
		String bob = unique("bob");
		String room1 = unique("r1");
		String room2 = unique("r2");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		createRoom(anaToken, room1);
		createRoom(anaToken, room2);
		join(bobToken, bob, room1);
		join(bobToken, bob, room2);
		join(anaToken, ana, room1);
		join(anaToken, ana, room2);
		receive(bobToken, bob, room1);
		receive(bobToken, bob, room2);
		assertThat(this.rpc.result(anaToken, "unregister_user", params("username", ana)).asBoolean()).isTrue();
		assertThat(contents(receive(bobToken, bob, room1))).containsExactly(ana + " left");
		assertThat(contents(receive(bobToken, bob, room2))).containsExactly(ana + " left");
		assertThat(this.rpc.errorCode(anaToken, "heartbeat", params("username", ana))).isEqualTo(1008);
		String newToken = this.rpc.register(ana.toUpperCase());
		assertThat(newToken).isNotEqualTo(anaToken);
	}

}
