package dev.rpcchat.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;
import org.junit.jupiter.api.Test;

import static dev.rpcchat.test.RpcTestClient.params;
import static dev.rpcchat.test.RpcTestSocket.contentsOf;
import static dev.rpcchat.test.RpcTestSocket.idsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat over a real WebSocket: the same calls and errors as over HTTP, a session bound
 * to the socket, and the messages of subscribed rooms pushed as they come.
 */
class WebSocketIntegrationTests extends ChatServerIntegrationTestSupport {

	@Test
	void answersEveryCallOnTheSocketAsOverHttpAuthenticatedAsTheBoundSession() {
		String ana = unique("ana");
		String room = unique("room");
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			JsonNode registered = socket.result("register_user", "username", ana);
			assertThat(registered.get("username").asText()).isEqualTo(ana);
			socket.result("create_room", "room_name", room);
			assertThat(texts(socket.result("join_room", "username", ana, "room_name", room).get("users")))
				.containsExactly(ana);
			JsonNode sent = socket.result("send_message", "username", ana, "room_name", room, "message", "oi");
			assertThat(socket.result("receive_messages", "username", ana, "room_name", room)).containsExactly(sent);
			assertThat(texts(socket.result("list_rooms"))).contains(room);
			assertThat(socket.result("heartbeat", "username", ana).get("username").asText()).isEqualTo(ana);
			String token = registered.get("token").asText();
			assertThat(this.rpc.result(token, "list_users", params("room_name", room))).hasSize(1);
			assertThat(socket.errorCode("join_room", "username", "someone-else", "room_name", room)).isEqualTo(1008);
		}
	}

	@Test
	void answersBadInputOnTheSocketAsOverHttp() {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			for (String request : List.of("{\"jsonrpc\": \"2.0\", \"method\": \"list_rooms\", \"id\": 1",
					"{\"jsonrpc\": \"2.0\", \"method\": \"list_users\", \"params\": {\"room_name\": 7}, \"id\": 2}",
					"[{\"jsonrpc\": \"2.0\", \"method\": \"list_rooms\", \"id\": 3}, 1, {\"jsonrpc\": \"2.0\"}]",
					"{\"jsonrpc\": \"2.0\", \"method\": \"heartbeat\", \"params\": [\"nobody\"], \"id\": 4}")) {
				socket.send(request);
				assertThat(socket.next()).as(request)
					.isEqualTo(RpcTestClient.json(this.rpc.post(null, request).body()));
			}
		}
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.sendBinary(new byte[] { 1, 2, 3 });
			assertThat(socket.closeCode()).isEqualTo(1003);
		}
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.send("[" + "{},".repeat(700_000) + "{}]");
			assertThat(socket.closeCode()).isEqualTo(1009);
		}
	}

	@Test
	void refusesSubscriptionsOverHttpWith1010() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		JsonNode error = this.rpc.error(token, "subscribe", params("room_name", "geral"));
		assertThat(error.get("code").asInt()).isEqualTo(1010);
		assertThat(error.at("/data/reason").asText()).isEqualTo("WEBSOCKET_REQUIRED");
		assertThat(this.rpc.errorCode(token, "unsubscribe", params("room_name", "geral"))).isEqualTo(1010);
	}

	@Test
	void authenticatesATokenOverHttpRenewingItsSession() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		JsonNode lease = this.rpc.result(null, "authenticate", params("token", token));
		assertThat(lease.get("username").asText()).isEqualTo(ana);
		assertThat(lease.get("expires_at").asText()).endsWith("Z");
		assertThat(this.rpc.errorCode(null, "authenticate", params("token", "not-a-token"))).isEqualTo(1008);
	}

	@Test
	void bindsTheSessionOfTheUpgradeHeaderAndRefusesAnUnknownOne() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		try (RpcTestSocket socket = RpcTestSocket.open(this.port, "Authorization", "Bearer " + token)) {
			assertThat(socket.result("heartbeat", "username", ana).get("username").asText()).isEqualTo(ana);
		}
		try (RpcTestSocket socket = RpcTestSocket.open(this.port, "Authorization", "Bearer not-a-token")) {
			assertThat(socket.closeCode()).isEqualTo(1008);
		}
	}

	@Test
	void refusesToBindASecondSessionAndChangesNothing() {
		String ana = unique("ana");
		String bob = unique("bob");
		String carol = unique("carol");
		String bobToken = this.rpc.register(bob);
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			String anaToken = socket.result("register_user", "username", ana).get("token").asText();
			assertThat(socket.errorCode("register_user", "username", carol)).isEqualTo(1008);
			assertThat(socket.errorCode("authenticate", "token", bobToken)).isEqualTo(1008);
			assertThat(socket.result("authenticate", "token", anaToken).get("username").asText()).isEqualTo(ana);
			assertThat(socket.result("heartbeat", "username", ana).get("username").asText()).isEqualTo(ana);
			assertThat(socket.errorCode("heartbeat", "username", bob)).isEqualTo(1008);
		}
		assertThat(this.rpc.register(carol)).as("carol was never registered").isNotEmpty();
	}

	@Test
	void bindsOnAuthenticateAndUnbindsOnUnregister() {
		String ana = unique("ana");
		String bob = unique("bob");
		String anaToken = this.rpc.register(ana);
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			assertThat(socket.errorCode("heartbeat", "username", ana)).isEqualTo(1008);
			assertThat(socket.errorCode("authenticate", "token", "not-a-token")).isEqualTo(1008);
			assertThat(socket.result("authenticate", "token", anaToken).get("username").asText()).isEqualTo(ana);
			assertThat(socket.result("heartbeat", "username", ana).get("username").asText()).isEqualTo(ana);
			assertThat(socket.result("unregister_user", "username", ana).asBoolean()).isTrue();
			assertThat(socket.errorCode("subscribe", "room_name", "geral")).isEqualTo(1008);
			assertThat(socket.result("register_user", "username", bob).get("username").asText()).isEqualTo(bob);
			assertThat(socket.result("heartbeat", "username", bob).get("username").asText()).isEqualTo(bob);
		}
	}

	@Test
	void checksTheRoomOfASubscription() {
		String ana = unique("ana");
		String room = unique("room");
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			assertThat(socket.errorCode("subscribe", "room_name", room)).as("no session").isEqualTo(1008);
			String token = socket.result("register_user", "username", ana).get("token").asText();
			assertThat(socket.errorCode("subscribe", "room_name", "no room")).isEqualTo(1002);
			assertThat(socket.errorCode("subscribe", "room_name", room)).isEqualTo(1004);
			createRoom(token, room);
			assertThat(socket.errorCode("subscribe", "room_name", room)).isEqualTo(1005);
			assertThat(socket.result("unsubscribe", "room_name", room).asBoolean()).isFalse();
		}
	}

	@Test
	void pushesEveryMessageTheUserMaySeeAndPrivateOnesOnlyToTheirEnds() {
		String room = unique("room");
		Chatter ana = chatter("ana", room, true);
		Chatter bob = chatter("bob", room, false);
		Chatter carol = chatter("carol", room, false);
		try (RpcTestSocket anaSocket = subscribed(ana, room);
				RpcTestSocket bobSocket = subscribed(bob, room);
				RpcTestSocket carolSocket = subscribed(carol, room)) {
			sendTo(ana.token, ana.name, room, bob.name, "just for bob");
			sendTo(bob.token, bob.name, room, ana.name, "just for ana");
			send(carol.token, carol.name, room, "for everyone");
			assertThat(contentsOf(anaSocket.messages(3))).containsExactly("just for bob", "just for ana",
					"for everyone");
			assertThat(contentsOf(bobSocket.messages(3))).containsExactly("just for bob", "just for ana",
					"for everyone");
			assertThat(contentsOf(carolSocket.messages(1))).containsExactly("for everyone");
			this.rpc.result(carol.token, "leave_room", params("username", carol.name, "room_name", room));
			assertThat(contentsOf(anaSocket.messages(1))).containsExactly(carol.name + " left");
			JsonNode ended = carolSocket.next();
			assertThat(ended).isEqualTo(RpcTestClient.json("""
					{"jsonrpc": "2.0", "method": "subscription_ended",
					 "params": {"room_name": "%s", "reason": "LEFT_ROOM"}}""".formatted(room)));
			send(ana.token, ana.name, room, "after carol left");
			assertThat(contentsOf(bobSocket.messages(2))).containsExactly(carol.name + " left", "after carol left");
			assertThat(contentsOf(anaSocket.messages(1))).containsExactly("after carol left");
			assertThat(carolSocket.waiting()).isZero();
		}
	}

	@Test
	void pushesTheMessagesAfterTheGivenIdFirstThenTheLiveOnesInOrderOnce() {
		String room = unique("room");
		Chatter ana = chatter("ana", room, true);
		List<Long> sent = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			sent.add(send(ana.token, ana.name, room, "m" + i).get("id").asLong());
		}
		try (RpcTestSocket socket = RpcTestSocket.open(this.port, "Authorization", "Bearer " + ana.token)) {
			JsonNode subscription = socket.result("subscribe", "room_name", room.toUpperCase(), "after_id",
					sent.get(1));
			assertThat(subscription.get("room_name").asText()).isEqualTo(room);
			assertThat(subscription.get("last_id").asLong()).isEqualTo(sent.get(4));
			send(ana.token, ana.name, room, "m6");
			assertThat(contentsOf(socket.messages(4))).containsExactly("m3", "m4", "m5", "m6");
			// again, from another id: replaces the first subscription
			socket.result("subscribe", "room_name", room, "after_id", sent.get(3));
			send(ana.token, ana.name, room, "m7");
			assertThat(contentsOf(socket.messages(3))).containsExactly("m5", "m6", "m7");
			assertThat(socket.result("unsubscribe", "room_name", room).asBoolean()).isTrue();
			assertThat(socket.result("unsubscribe", "room_name", room).asBoolean()).isFalse();
			send(ana.token, ana.name, room, "m8");
			socket.result("subscribe", "room_name", room);
			send(ana.token, ana.name, room, "m9");
			assertThat(contentsOf(socket.messages(1))).containsExactly("m9");
		}
	}

	@Test
	void resumesAfterADroppedSocketWithNothingLostOrDoubled() {
		String room = unique("room");
		Chatter ana = chatter("ana", room, true);
		Chatter bob = chatter("bob", room, false);
		long lastSeen;
		RpcTestSocket first = subscribed(bob, room);
		send(ana.token, ana.name, room, "before");
		lastSeen = idsOf(first.messages(1)).get(0);
		first.abort();
		for (int i = 1; i <= 3; i++) {
			send(ana.token, ana.name, room, "while away " + i);
		}
		try (RpcTestSocket second = RpcTestSocket.open(this.port)) {
			second.result("authenticate", "token", bob.token);
			second.result("subscribe", "room_name", room, "after_id", lastSeen);
			send(ana.token, ana.name, room, "after");
			List<JsonNode> messages = second.messages(4);
			assertThat(contentsOf(messages)).containsExactly("while away 1", "while away 2", "while away 3", "after");
			assertThat(idsOf(messages)).isSorted().doesNotHaveDuplicates().allMatch((id) -> id > lastSeen);
		}
	}

	@Test
	void endsSubscriptionsOnSignOutWhetherThroughTheSocketOrHttp() {
		String room = unique("room");
		Chatter ana = chatter("ana", room, true);
		Chatter bob = chatter("bob", room, false);
		try (RpcTestSocket anaSocket = subscribed(ana, room); RpcTestSocket bobSocket = subscribed(bob, room)) {
			anaSocket.result("unregister_user", "username", ana.name);
			JsonNode ended = anaSocket.next();
			assertThat(ended.at("/params/reason").asText()).as("%s", ended).isEqualTo("SIGNED_OUT");
			assertThat(contentsOf(bobSocket.messages(1))).containsExactly(ana.name + " left");
			this.rpc.result(bob.token, "unregister_user", params("username", bob.name));
			assertThat(bobSocket.next().at("/params/reason").asText()).isEqualTo("SIGNED_OUT");
			assertThat(bobSocket.errorCode("subscribe", "room_name", room)).isEqualTo(1008);
		}
	}

	@Test
	void answersOtherCallsWhileALongPollWaitsOnTheSameSocket() {
		String room = unique("room");
		Chatter ana = chatter("ana", room, true);
		try (RpcTestSocket socket = RpcTestSocket.open(this.port, "Authorization", "Bearer " + ana.token)) {
			socket.result("receive_messages", "username", ana.name, "room_name", room);
			CompletableFuture<JsonNode> poll = socket.callAsync("receive_messages", "username", ana.name, "room_name",
					room, "wait_seconds", 30);
			assertThat(socket.result("heartbeat", "username", ana.name).get("username").asText()).isEqualTo(ana.name);
			assertThat(poll).isNotDone();
			send(ana.token, ana.name, room, "wake");
			assertThat(contentsOf(List.of(poll.join().get("result").get(0)))).containsExactly("wake");
		}
	}

	@Test
	void pushesEveryMessageToEverySubscriberOnceAndInOrderWhileManySend() throws Exception {
		String room = unique("room");
		Chatter owner = chatter("owner", room, true);
		int subscribers = 24;
		int senders = 8;
		int messagesEach = 25;
		List<Chatter> listeners = new ArrayList<>();
		List<RpcTestSocket> sockets = new ArrayList<>();
		List<Chatter> talkers = new ArrayList<>();
		for (int i = 0; i < senders; i++) {
			talkers.add(chatter("talker", room, false));
		}
		try {
			List<CompletableFuture<RpcTestSocket>> opening = new ArrayList<>();
			for (int i = 0; i < subscribers; i++) {
				listeners.add(chatter("listener", room, false));
			}
			for (Chatter listener : listeners) {
				opening.add(CompletableFuture.supplyAsync(() -> subscribed(listener, room)));
			}
			for (CompletableFuture<RpcTestSocket> socket : opening) {
				sockets.add(socket.join());
			}
			List<CompletableFuture<Void>> sending = new ArrayList<>();
			for (Chatter talker : talkers) {
				sending.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < messagesEach; i++) {
						send(talker.token, talker.name, room, talker.name + " " + i);
						if (i % 5 == 0) {
							// to one listener only
							sendTo(talker.token, talker.name, room, listeners.get(i % subscribers).name, "private");
						}
					}
				}));
			}
			CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
			int publicCount = senders * messagesEach;
			for (int s = 0; s < subscribers; s++) {
				int privateCount = (s % 5 == 0) ? senders : 0;
				List<JsonNode> messages = sockets.get(s).messages(publicCount + privateCount);
				assertThat(idsOf(messages)).as("subscriber %d", s).isSorted().doesNotHaveDuplicates();
				for (Chatter talker : talkers) {
					assertThat(contentsOf(messages)).filteredOn((content) -> content.startsWith(talker.name + " "))
						.hasSize(messagesEach)
						.isSortedAccordingTo((x, y) -> Integer.compare(number(x), number(y)));
				}
				assertThat(contentsOf(messages)).filteredOn("private"::equals).hasSize(privateCount);
			}
			this.rpc.result(owner.token, "heartbeat", params("username", owner.name));
			sockets.forEach((socket) -> assertThat(socket.waiting()).isZero());
		}
		finally {
			sockets.forEach(RpcTestSocket::close);
		}
	}

	private static int number(String content) {
		return Integer.parseInt(content.substring(content.lastIndexOf(' ') + 1));
	}

	private Chatter chatter(String prefix, String room, boolean creates) {
		String name = unique(prefix);
		String token = this.rpc.register(name);
		if (creates) {
			createRoom(token, room);
		}
		join(token, name, room);
		return new Chatter(name, token);
	}

	private RpcTestSocket subscribed(Chatter chatter, String room) {
		RpcTestSocket socket = RpcTestSocket.open(this.port, "Authorization", "Bearer " + chatter.token);
		socket.result("subscribe", "room_name", room);
		return socket;
	}

	private record Chatter(String name, String token) {

	}

}
