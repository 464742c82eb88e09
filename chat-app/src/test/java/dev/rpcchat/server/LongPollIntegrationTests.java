package dev.rpcchat.server;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.rpcchat.server.message.MessageWaiters;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LongPollIntegrationTests extends ChatServerIntegrationTestSupport {

	@Autowired
	MessageWaiters waiters;

	@Test
	void aLongPollReturnsWhenAMessageArrives() {
		String ana = unique("ana");
		String bob = unique("bob");
		String room = unique("poll");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		join(bobToken, bob, room);
		receive(anaToken, ana, room);
		CompletableFuture<JsonNode> poll = pollFor30Seconds(anaToken, ana, room);
		awaitWaiting(poll);
		send(bobToken, bob, room, "here");
		JsonNode response = poll.join();
		assertThat(contents(response.get("result"))).containsExactly("here");
	}

	@Test
	void aUnicastToSomeoneElseDoesNotEndALongPoll() {
		String ana = unique("ana");
		String bob = unique("bob");
		String cid = unique("cid");
		String room = unique("poll");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		String cidToken = this.rpc.register(cid);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		join(bobToken, bob, room);
		join(cidToken, cid, room);
		receive(anaToken, ana, room);
		CompletableFuture<JsonNode> poll = pollFor30Seconds(anaToken, ana, room);
		awaitWaiting(poll);
		sendTo(bobToken, bob, room, cid, "not for ana");
		assertThat(contents(receive(cidToken, cid, room))).contains("not for ana");
		assertThat(poll).isNotDone();
		send(bobToken, bob, room, "for all");
		assertThat(contents(poll.join().get("result"))).containsExactly("for all");
	}

	@Test
	void aLongPollReturnsAtOnceWhenItsUserLeavesTheRoom() {
		String ana = unique("ana");
		String room = unique("poll");
		String anaToken = this.rpc.register(ana);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		CompletableFuture<JsonNode> poll = pollFor30Seconds(anaToken, ana, room);
		awaitWaiting(poll);
		this.rpc.result(anaToken, "leave_room", params("username", ana, "room_name", room));
		JsonNode response = poll.join();
		assertThat(response.get("result").isArray()).as("%s", response).isTrue();
	}

	@Test
	void aLongPollWithMessagesAlreadyThereReturnsThemAtOnce() {
		String ana = unique("ana");
		String room = unique("poll");
		String anaToken = this.rpc.register(ana);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		send(anaToken, ana, room, "already");
		JsonNode result = this.rpc.result(anaToken, "receive_messages",
				params("username", ana, "room_name", room, "wait_seconds", 30));
		assertThat(contents(result)).containsExactly("already");
	}

	@Test
	void aLongPollWithNothingToSayEndsWhenItsTimeIsUp() {
		String ana = unique("ana");
		String room = unique("poll");
		String anaToken = this.rpc.register(ana);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		JsonNode result = this.rpc.result(anaToken, "receive_messages",
				params("username", ana, "room_name", room, "wait_seconds", 1));
		assertThat(result).isEmpty();
	}

	@Test
	void waitSecondsOutsideZeroToThirtyIsInvalidParams() {
		String ana = unique("ana");
		String room = unique("poll");
		String anaToken = this.rpc.register(ana);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		assertThat(this.rpc.errorCode(anaToken, "receive_messages",
				params("username", ana, "room_name", room, "wait_seconds", 31)))
			.isEqualTo(-32602);
		assertThat(this.rpc.errorCode(anaToken, "receive_messages",
				params("username", ana, "room_name", room, "wait_seconds", -1)))
			.isEqualTo(-32602);
		assertThat(this.rpc.errorCode(null, "receive_messages",
				params("username", ana, "room_name", room, "wait_seconds", 99)))
			.isEqualTo(-32602);
		assertThat(this.rpc.result(anaToken, "receive_messages",
				params("username", ana, "room_name", room, "wait_seconds", 0)))
			.isEmpty();
	}

	@Test
	void oneBroadcastWakesEveryWaitingMember() {
		String room = unique("crowd");
		int members = 40;
		String[] names = new String[members];
		String[] tokens = new String[members];
		for (int i = 0; i < members; i++) {
			names[i] = unique("m" + i);
			tokens[i] = this.rpc.register(names[i]);
		}
		createRoom(tokens[0], room);
		for (int i = 0; i < members; i++) {
			join(tokens[i], names[i], room);
		}
		List<CompletableFuture<JsonNode>> polls = new ArrayList<>();
		for (int i = 1; i < members; i++) {
			receive(tokens[i], names[i], room);
			polls.add(this.rpc.callAsync(tokens[i], "receive_messages",
					params("username", names[i], "room_name", room, "wait_seconds", 30)));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.waiters.waiting() >= members - 1);
		send(tokens[0], names[0], room, "everyone");
		for (CompletableFuture<JsonNode> poll : polls) {
			assertThat(contents(poll.join().get("result"))).containsExactly("everyone");
		}
	}

	@Test
	void fiveLongPollsInOneBatchAreAnsweredWithinTheLongestWaitNotTheirSum() {
		String ana = unique("ana");
		String room = unique("poll");
		String anaToken = this.rpc.register(ana);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		receive(anaToken, ana, room);
		long start = System.nanoTime();
		HttpResponse<String> response = this.rpc.post(anaToken, fiveTwoSecondPolls(ana, room));
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answers = RpcTestClient.json(response.body());
		assertThat(answers).hasSize(5)
			.allSatisfy((answer) -> assertThat(answer.get("result")).as("%s", answer).isEmpty());
		assertThat(elapsedMillis).as("about 2 s, not 5 x 2 s").isBetween(1_000L, 6_000L);
	}

	@Test
	void fiveLongPollsInOneBatchOnAWebSocketAreAnsweredWithinTheLongestWaitNotTheirSum() {
		String ana = unique("ana");
		String room = unique("poll");
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.result("register_user", "username", ana);
			socket.result("create_room", "room_name", room);
			socket.result("join_room", "username", ana, "room_name", room);
			socket.result("receive_messages", "username", ana, "room_name", room);
			long start = System.nanoTime();
			socket.send(fiveTwoSecondPolls(ana, room));
			JsonNode answers = socket.next();
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			assertThat(answers).hasSize(5)
				.allSatisfy((answer) -> assertThat(answer.get("result")).as("%s", answer).isEmpty());
			assertThat(elapsedMillis).as("about 2 s, not 5 x 2 s").isBetween(1_000L, 6_000L);
		}
	}

	@Test
	void aMessageWakesTheWaitingPollOfABatchAndTheOthersFindTheirTimeSpent() {
		String ana = unique("ana");
		String bob = unique("bob");
		String room = unique("poll");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		join(bobToken, bob, room);
		receive(anaToken, ana, room);
		int before = this.waiters.waiting();
		CompletableFuture<HttpResponse<String>> batch = CompletableFuture.supplyAsync(
				() -> this.rpc.post(anaToken, "[" + poll(ana, room, 30, 1) + "," + poll(ana, room, 2, 2) + "]"));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.waiters.waiting() > before || batch.isDone());
		send(bobToken, bob, room, "wake up");
		JsonNode answers = RpcTestClient.json(batch.join().body());
		assertThat(contents(answers.get(0).get("result"))).containsExactly("wake up");
		assertThat(answers.get(1).get("result")).as("the second poll waits what is left of its 2 s").isEmpty();
	}

	private static String fiveTwoSecondPolls(String username, String room) {
		StringJoiner batch = new StringJoiner(",", "[", "]");
		for (int id = 1; id <= 5; id++) {
			batch.add(poll(username, room, 2, id));
		}
		return batch.toString();
	}

	private static String poll(String username, String room, int waitSeconds, int id) {
		return RpcTestClient.write(Map.of("jsonrpc", "2.0", "id", id, "method", "receive_messages", "params",
				params("username", username, "room_name", room, "wait_seconds", waitSeconds)));
	}

	private CompletableFuture<JsonNode> pollFor30Seconds(String token, String username, String room) {
		int before = this.waiters.waiting();
		CompletableFuture<JsonNode> poll = this.rpc.callAsync(token, "receive_messages",
				params("username", username, "room_name", room, "wait_seconds", 30));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.waiters.waiting() > before || poll.isDone());
		return poll;
	}

	private void awaitWaiting(CompletableFuture<JsonNode> poll) {
		assertThat(poll).as("the poll should still be waiting").isNotDone();
	}

}
