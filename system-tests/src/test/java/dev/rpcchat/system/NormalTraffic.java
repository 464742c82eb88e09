package dev.rpcchat.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People chatting as usual while others attack the servers: alice sends a numbered
 * message to a room every few tens of milliseconds (and looks the chat server up in the
 * binder now and then), bob reads the room with long polls, and carol has the room pushed
 * to her WebSocket. Every call that does not succeed is kept, to be asserted at the end.
 */
final class NormalTraffic implements AutoCloseable {

	private static final String ROOM = "lobby";

	private final RpcTestClient chat;

	private final RpcTestClient binder;

	private final String aliceToken;

	private final String bobToken;

	private final RpcTestSocket carol;

	private final AtomicBoolean sending = new AtomicBoolean(true);

	private final AtomicBoolean reading = new AtomicBoolean(true);

	private final AtomicInteger sent = new AtomicInteger();

	private final List<String> readByBob = new CopyOnWriteArrayList<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private NormalTraffic(RpcTestClient chat, RpcTestClient binder, int chatPort) {
		this.chat = chat;
		this.binder = binder;
		this.aliceToken = chat.register("alice");
		this.bobToken = chat.register("bob");
		chat.result(this.aliceToken, "create_room", params("room_name", ROOM));
		chat.result(this.aliceToken, "join_room", params("username", "alice", "room_name", ROOM));
		chat.result(this.bobToken, "join_room", params("username", "bob", "room_name", ROOM));
		this.carol = RpcTestSocket.open(chatPort);
		this.carol.result("register_user", "username", "carol");
		this.carol.result("join_room", "username", "carol", "room_name", ROOM);
		this.carol.result("subscribe", "room_name", ROOM);
	}

	/**
	 * Registers alice, bob and carol, puts them in a room and starts them chatting.
	 * @param chatPort the chat server's port
	 * @param binderPort the binder's port
	 * @return the running traffic
	 */
	static NormalTraffic start(int chatPort, int binderPort) {
		NormalTraffic traffic = new NormalTraffic(RpcTestClient.to(chatPort).withTimeout(Duration.ofSeconds(60)),
				RpcTestClient.to(binderPort).withTimeout(Duration.ofSeconds(60)), chatPort);
		traffic.threads.add(Thread.ofPlatform().name("alice").start(traffic::alice));
		traffic.threads.add(Thread.ofPlatform().name("bob").start(traffic::bob));
		return traffic;
	}

	private void alice() {
		while (this.sending.get()) {
			int number = this.sent.get() + 1;
			call("alice sends", () -> {
				JsonNode answer = this.chat.call(this.aliceToken, "send_message",
						params("username", "alice", "room_name", ROOM, "message", "m" + number));
				if (answer.has("error") && answer.get("error").get("code").asInt() == 1009) {
					pause(answer.get("error").get("data").get("retry_after_ms").asLong());
					return;
				}
				check(answer, "send_message");
				this.sent.incrementAndGet();
			});
			if (number % 10 == 0) {
				call("alice looks the chat server up",
						() -> check(this.binder.call("lookup_procedure", params("procedure_name", "send_message")),
								"lookup_procedure"));
			}
			pause(60);
		}
	}

	private void bob() {
		while (this.reading.get()) {
			call("bob long-polls", () -> {
				JsonNode answer = this.chat.call(this.bobToken, "receive_messages",
						params("username", "bob", "room_name", ROOM, "wait_seconds", 2));
				check(answer, "receive_messages");
				answer.get("result")
					.forEach((message) -> this.readByBob
						.add(message.get("sender").asText() + ": " + message.get("content").asText()));
			});
		}
	}

	private void call(String what, Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException | AssertionError ex) {
			this.failures.add(what + ": " + ex);
		}
	}

	private static void check(JsonNode answer, String method) {
		if (!answer.has("result")) {
			throw new AssertionError(method + " answered " + answer);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(Math.max(1, millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops alice and asserts that every call of the three succeeded, and that bob and
	 * carol each got every message alice sent, once and in order.
	 */
	void assertEveryoneWasServed() {
		this.sending.set(false);
		join(this.threads.get(0));
		int count = this.sent.get();
		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			expected.add("m" + i);
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.readByBob.stream().filter((line) -> line.startsWith("alice: ")).count() >= count);
		this.reading.set(false);
		List<String> pushedToCarol = RpcTestSocket.contentsOf(this.carol.messages(count));
		assertThat(this.failures).as("calls of the normal clients that failed").isEmpty();
		assertThat(count).as("messages alice sent").isPositive();
		assertThat(this.readByBob).as("what bob read")
			.filteredOn((line) -> line.startsWith("alice: "))
			.map((line) -> line.substring("alice: ".length()))
			.containsExactlyElementsOf(expected);
		assertThat(pushedToCarol).as("what carol was pushed").containsExactlyElementsOf(expected);
		assertThat(this.carol.isClosed()).isFalse();
	}

	@Override
	public void close() {
		this.sending.set(false);
		this.reading.set(false);
		this.threads.forEach(NormalTraffic::join);
		this.carol.close();
	}

	private static void join(Thread thread) {
		try {
			thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
