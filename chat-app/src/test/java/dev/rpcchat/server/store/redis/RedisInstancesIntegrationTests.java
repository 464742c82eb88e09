package dev.rpcchat.server.store.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.SharedRedis;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.rpcchat.server.ChatServerApplication;
import dev.rpcchat.server.message.MessageWaiters;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two chat-app instances on one Redis, as one system: what goes in through one comes out
 * of the other, a long poll on one wakes for a send through the other, and the rules of
 * uniqueness and removal hold across both. Every test but the reaper test leaves its
 * rooms occupied, so that the reaper test can count the removals.
 */
@ExtendWith(SharedRedis.class)
class RedisInstancesIntegrationTests {

	/** A database of its own, so that these instances see no other test's keys. */
	private static final int DATABASE = 1;

	/**
	 * Short, for the reaper test, yet long enough that no other test's room is reaped.
	 */
	private static final Duration IDLE_TTL = Duration.ofSeconds(4);

	private static final AtomicInteger names = new AtomicInteger();

	private static ConfigurableApplicationContext instanceA;

	private static ConfigurableApplicationContext instanceB;

	private static RpcTestClient a;

	private static RpcTestClient b;

	@BeforeAll
	static void startTwoInstances() {
		flushDatabase();
		instanceA = startInstance();
		instanceB = startInstance();
		a = client(instanceA);
		b = client(instanceB);
	}

	@AfterAll
	static void stopInstances() {
		instanceA.close();
		instanceB.close();
	}

	@Test
	void aUserRegisteredThroughOneInstanceJoinsSendsAndReceivesThroughTheOther() {
		String room = unique("room");
		String ana = unique("Ana");
		String bob = unique("bob");
		String anaToken = a.register(ana);
		String bobToken = b.register(bob);
		b.result(anaToken, "create_room", params("room_name", room));
		b.result(anaToken, "join_room", params("username", ana, "room_name", room));
		JsonNode joined = a.result(bobToken, "join_room", params("username", bob, "room_name", room));
		assertThat(texts(joined.get("users"))).containsExactlyInAnyOrder(ana, bob);
		a.result(anaToken, "receive_messages", params("username", ana, "room_name", room));
		JsonNode sent = b.result(anaToken, "send_message", params("username", ana, "room_name", room, "message", "oi"));
		JsonNode received = a.result(bobToken, "receive_messages", params("username", bob, "room_name", room));
		assertThat(received).hasSize(1);
		assertThat(received.get(0)).isEqualTo(sent);
		assertThat(a.result(null, "list_users", params("room_name", room)))
			.isEqualTo(b.result(null, "list_users", params("room_name", room)));
		assertThat(texts(a.result(null, "list_rooms", null))).contains(room)
			.isEqualTo(texts(b.result(null, "list_rooms", null)));
	}

	@Test
	void unregisteringThroughOneInstanceLeavesEveryRoomJoinedThroughTheOther() {
		String ana = unique("ana");
		String bob = unique("bob");
		String anaToken = a.register(ana);
		String bobToken = b.register(bob);
		List<String> rooms = List.of(unique("room"), unique("room"));
		for (String room : rooms) {
			joinAfterCreating(b, anaToken, ana, room);
			a.result(bobToken, "join_room", params("username", bob, "room_name", room));
		}
		a.result(anaToken, "unregister_user", params("username", ana));
		for (String room : rooms) {
			assertThat(contents(b.result(bobToken, "receive_messages", params("username", bob, "room_name", room))))
				.containsExactly(ana + " left");
			assertThat(texts(a.result(null, "list_users", params("room_name", room)))).containsExactly(bob);
		}
		assertThat(b.errorCode(anaToken, "heartbeat", params("username", ana))).isEqualTo(1008);
		b.register(ana.toUpperCase());
	}

	@Test
	void eachInstanceSharesTheRateLimitAndReportsRedisInItsHealth() {
		for (ConfigurableApplicationContext instance : List.of(instanceA, instanceB)) {
			assertThat(instance.getBean("redisHealthContributor", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP);
		}
		String room = unique("rate");
		String ana = unique("ana");
		String token = a.register(ana);
		a.result(token, "create_room", params("room_name", room));
		b.result(token, "join_room", params("username", ana, "room_name", room));
		// Sends through either instance take from one bucket (default: a burst of 40,
		// then 20 a second), kept in Redis.
		int sent = 0;
		while (sent < 500 && ((sent % 2 == 0) ? a : b)
			.call(token, "send_message", params("username", ana, "room_name", room, "message", "m" + sent))
			.has("result")) {
			sent++;
		}
		assertThat(sent).isBetween(40, 499);
		assertThat(instanceA.getBean(StringRedisTemplate.class).hasKey("chat:{users}:rate:" + ana)).isTrue();
	}

	@Test
	void historyReadThroughOneInstancePagesWhatWasSentThroughTheOtherWithoutOthersPrivateMessages() {
		String room = unique("hist");
		String ana = unique("ana");
		String bob = unique("bob");
		String anaToken = a.register(ana);
		String bobToken = b.register(bob);
		a.result(anaToken, "create_room", params("room_name", room));
		a.result(anaToken, "join_room", params("username", ana, "room_name", room));
		b.result(bobToken, "join_room", params("username", bob, "room_name", room));
		for (int i = 0; i < 5; i++) {
			a.result(anaToken, "send_message", params("username", ana, "room_name", room, "message", "m" + i));
			a.result(anaToken, "send_message",
					params("username", ana, "room_name", room, "message", "p" + i, "recipient", ana));
		}
		JsonNode page = b.result(bobToken, "get_history", params("room_name", room, "limit", 3));
		assertThat(contents(page.get("messages"))).containsExactly("m2", "m3", "m4");
		assertThat(page.get("has_more").asBoolean()).isTrue();
		JsonNode rest = b.result(bobToken, "get_history",
				params("room_name", room, "before_id", page.get("messages").get(0).get("id").asLong()));
		assertThat(contents(rest.get("messages"))).containsExactly(ana + " joined", bob + " joined", "m0", "m1");
		assertThat(rest.get("has_more").asBoolean()).isFalse();
		assertThat(contents(a.result(anaToken, "get_history", params("room_name", room, "limit", 2)).get("messages")))
			.containsExactly("m4", "p4");
	}

	@Test
	void aLongPollOnOneInstanceWakesWhenAMessageIsSentThroughTheOther() {
		String room = unique("room");
		String ana = unique("ana");
		String bob = unique("bob");
		String anaToken = a.register(ana);
		String bobToken = b.register(bob);
		joinAfterCreating(a, anaToken, ana, room);
		b.result(bobToken, "join_room", params("username", bob, "room_name", room));
		MessageWaiters waitersOnB = instanceB.getBean(MessageWaiters.class);
		int waitingBefore = waitersOnB.waiting();
		CompletableFuture<JsonNode> longPoll = b.callAsync(bobToken, "receive_messages",
				params("username", bob, "room_name", room, "wait_seconds", 30));
		await().atMost(Duration.ofSeconds(20)).until(() -> waitersOnB.waiting() > waitingBefore);
		a.result(anaToken, "send_message", params("username", ana, "room_name", room, "message", "wake up"));
		// Well within the 30 s the poll would otherwise wait: it was woken, not timed
		// out.
		assertThat(longPoll).succeedsWithin(Duration.ofSeconds(15))
			.satisfies((response) -> assertThat(contents(response.get("result"))).containsExactly("wake up"));
	}

	@Test
	void ofSimultaneousRegistrationsOfOneNameThroughBothInstancesExactlyOneWins() {
		String name = unique("race");
		List<CompletableFuture<JsonNode>> calls = IntStream.range(0, 64)
			.mapToObj((i) -> ((i % 2 == 0) ? a : b).callAsync(null, "register_user",
					params("username", (i % 3 == 0) ? name.toUpperCase() : name)))
			.toList();
		List<JsonNode> responses = calls.stream().map(CompletableFuture::join).toList();
		assertThat(responses).filteredOn((response) -> response.has("result")).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.has("error"))
			.extracting((response) -> response.get("error").get("code").asInt())
			.hasSize(63)
			.containsOnly(1001);
	}

	@Test
	void ofSimultaneousCreationsOfOneRoomThroughBothInstancesExactlyOneWins() {
		String creator = unique("creator");
		String token = a.register(creator);
		String room = unique("room");
		List<JsonNode> responses = IntStream.range(0, 32)
			.mapToObj((i) -> ((i % 2 == 0) ? a : b).callAsync(token, "create_room", params("room_name", room)))
			.toList()
			.stream()
			.map(CompletableFuture::join)
			.toList();
		assertThat(responses).filteredOn((response) -> response.has("result")).hasSize(1);
		// Occupied, so that the reapers leave it to the reaper test's count.
		b.result(token, "join_room", params("username", creator, "room_name", room));
	}

	@Test
	void bothReapersRemoveEachIdleRoomOnceAndNeverOneSomeoneJoined() {
		String user = unique("joiner");
		String token = b.register(user);
		double reapedBefore = reaped(instanceA) + reaped(instanceB);
		List<String> rooms = IntStream.range(0, 16).mapToObj((i) -> unique("idle")).toList();
		for (String room : rooms) {
			a.result(token, "create_room", params("room_name", room));
		}
		// Join every other room, spread over the idle time, so that the later joins race
		// both instances' reapers (which look every 200 ms).
		List<String> joined = new ArrayList<>();
		List<String> missed = new ArrayList<>();
		for (int i = 0; i < rooms.size(); i += 2) {
			await().pollDelay(IDLE_TTL.dividedBy(rooms.size() / 2)).until(() -> true);
			JsonNode response = ((i % 4 == 0) ? a : b).call(token, "join_room",
					params("username", user, "room_name", rooms.get(i)));
			(response.has("result") ? joined : missed).add(rooms.get(i));
			if (response.has("error")) {
				assertThat(response.get("error").get("code").asInt()).isEqualTo(1004);
			}
		}
		List<String> expectedGone = new ArrayList<>(missed);
		IntStream.range(0, rooms.size()).filter((i) -> i % 2 == 1).forEach((i) -> expectedGone.add(rooms.get(i)));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(texts(a.result(null, "list_rooms", null)))
				.doesNotContainAnyElementsOf(expectedGone));
		assertThat(texts(b.result(null, "list_rooms", null))).containsAll(joined)
			.doesNotContainAnyElementsOf(expectedGone);
		for (String room : joined) {
			assertThat(texts(b.result(null, "list_users", params("room_name", room)))).containsExactly(user);
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(reaped(instanceA) + reaped(instanceB) - reapedBefore)
				.isEqualTo(expectedGone.size()));
	}

	@Test
	void whenOneInstanceStopsMidConversationNothingIsLostOrStoredTwice() {
		ConfigurableApplicationContext instanceC = startInstance();
		RpcTestClient c = client(instanceC);
		String room = unique("room");
		String ana = unique("ana");
		String bob = unique("bob");
		String anaToken = c.register(ana);
		String bobToken = a.register(bob);
		joinAfterCreating(c, anaToken, ana, room);
		a.result(bobToken, "join_room", params("username", bob, "room_name", room));
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			ids.add(send(c, anaToken, ana, room, "m" + i, "c" + i));
		}
		JsonNode firstRead = c.result(bobToken, "receive_messages", params("username", bob, "room_name", room));
		assertThat(contents(firstRead)).containsExactly("m1", "m2", "m3");
		// m4 reaches the store, but its sender never hears back before C stops.
		ids.add(send(c, anaToken, ana, room, "m4", "c4"));
		instanceC.close();
		// Through A: the same sessions, the resend stores nothing new, the re-read starts
		// from the last id the reader saw.
		assertThat(send(a, anaToken, ana, room, "m4", "c4")).isEqualTo(ids.get(3));
		ids.add(send(a, anaToken, ana, room, "m5", "c5"));
		long lastSeen = firstRead.get(2).get("id").asLong();
		JsonNode reread = a.result(bobToken, "receive_messages",
				params("username", bob, "room_name", room, "after_id", lastSeen));
		assertThat(contents(reread)).containsExactly("m4", "m5");
		JsonNode history = a.result(bobToken, "receive_messages",
				params("username", bob, "room_name", room, "after_id", 0));
		assertThat(contents(history)).containsExactly("m1", "m2", "m3", "m4", "m5");
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}

	private static long send(RpcTestClient client, String token, String username, String room, String text,
			String clientMsgId) {
		return client
			.result(token, "send_message",
					params("username", username, "room_name", room, "message", text, "client_msg_id", clientMsgId))
			.get("id")
			.asLong();
	}

	private static void joinAfterCreating(RpcTestClient client, String token, String username, String room) {
		client.result(token, "create_room", params("room_name", room));
		client.result(token, "join_room", params("username", username, "room_name", room));
	}

	private static double reaped(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).counter("chat.rooms.reaped").count();
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asText()));
		return texts;
	}

	private static List<String> contents(JsonNode messages) {
		List<String> contents = new ArrayList<>();
		messages.forEach((message) -> contents.add(message.get("content").asText()));
		return contents;
	}

	private static String unique(String prefix) {
		return prefix + names.incrementAndGet();
	}

	private static ConfigurableApplicationContext startInstance() {
		return new SpringApplicationBuilder(ChatServerApplication.class).run("--server.port=0", "--chat.store=redis",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + SharedRedis.port(),
				"--spring.data.redis.database=" + DATABASE, "--chat.rooms.idle-ttl=" + IDLE_TTL.toMillis() + "ms",
				"--chat.rooms.reaper-interval=200ms", "--chat.limits.registrations-per-minute=0",
				"--chat.limits.rooms-per-minute=0",
				// No binder: registration only degrades, which these tests do not look
				// at.
				"--chat.binder.url=http://127.0.0.1:1/rpc");
	}

	private static RpcTestClient client(ConfigurableApplicationContext instance) {
		return RpcTestClient.to(instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	private static void flushDatabase() {
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration("127.0.0.1", SharedRedis.port());
		configuration.setDatabase(DATABASE);
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(configuration);
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		try {
			new StringRedisTemplate(connectionFactory).execute((RedisCallback<Object>) (connection) -> {
				connection.serverCommands().flushDb();
				return null;
			});
		}
		finally {
			connectionFactory.destroy();
		}
	}

}
