package dev.rpcchat.server.store.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;
import dev.rpcchat.test.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.rpcchat.server.ChatServerApplication;

import static dev.rpcchat.test.RpcTestClient.params;
import static dev.rpcchat.test.RpcTestSocket.contentsOf;
import static dev.rpcchat.test.RpcTestSocket.idsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WebSockets on two chat-app instances that share one Redis: messages sent through either
 * instance reach the subscribers of both, in order and once, through the same pub/sub
 * that wakes long polls; a socket on one instance keeps its session alive against the
 * other's reaper; and a leave through one ends the subscription on the other.
 */
@ExtendWith(SharedRedis.class)
class RedisPushIntegrationTests {

	/** A database of its own, so that these instances see no other test's keys. */
	private static final int DATABASE = 2;

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
		a = RpcTestClient.to(port(instanceA));
		b = RpcTestClient.to(port(instanceB));
	}

	@AfterAll
	static void stopInstances() {
		instanceA.close();
		instanceB.close();
	}

	@Test
	void everySubscriberOnEitherInstanceGetsEveryMessageSentThroughEitherInOrderOnce() {
		// Sessions last 2 s here: each user is subscribed, or sending, soon after it
		// registers.
		String room = unique("room");
		String owner = unique("owner");
		a.result(a.register(owner), "create_room", params("room_name", room));
		int listeners = 8;
		int senders = 6;
		int messagesEach = 30;
		List<RpcTestSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < listeners; i++) {
				String name = unique("listener");
				String token = b.register(name);
				a.result(token, "join_room", params("username", name, "room_name", room));
				RpcTestSocket socket = RpcTestSocket.open(port((i % 2 == 0) ? instanceA : instanceB), "Authorization",
						"Bearer " + token);
				socket.result("subscribe", "room_name", room);
				sockets.add(socket);
			}
			List<String[]> talkers = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				String name = unique("talker");
				String token = ((i % 2 == 0) ? a : b).register(name);
				b.result(token, "join_room", params("username", name, "room_name", room));
				talkers.add(new String[] { name, token });
			}
			List<CompletableFuture<Void>> sending = new ArrayList<>();
			for (int t = 0; t < talkers.size(); t++) {
				String[] talker = talkers.get(t);
				RpcTestClient through = (t % 2 == 0) ? b : a;
				sending.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < messagesEach; i++) {
						through.result(talker[1], "send_message",
								params("username", talker[0], "room_name", room, "message", talker[0] + " #" + i));
					}
				}));
			}
			CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
			for (int s = 0; s < listeners; s++) {
				// the joins of the later listeners and of the talkers, then the messages
				int joins = (listeners - 1 - s) + senders;
				List<JsonNode> messages = sockets.get(s).messages(joins + senders * messagesEach);
				assertThat(idsOf(messages)).isSorted().doesNotHaveDuplicates();
				assertThat(contentsOf(messages)).filteredOn((content) -> content.endsWith(" joined")).hasSize(joins);
				for (String[] talker : talkers) {
					assertThat(contentsOf(messages)).filteredOn((content) -> content.startsWith(talker[0] + " #"))
						.hasSize(messagesEach)
						.isSortedAccordingTo((x, y) -> Integer.compare(number(x), number(y)));
				}
			}
			String[] last = talkers.get(0);
			a.result(last[1], "send_message", params("username", last[0], "room_name", room, "message", "last"));
			for (RpcTestSocket socket : sockets) {
				assertThat(contentsOf(socket.messages(1))).containsExactly("last");
				assertThat(socket.waiting()).isZero();
			}
		}
		finally {
			sockets.forEach(RpcTestSocket::close);
		}
	}

	private static int number(String content) {
		return Integer.parseInt(content.substring(content.lastIndexOf('#') + 1));
	}

	@Test
	void aSocketOnOneInstanceKeepsItsSessionAgainstTheOtherInstancesReaper() {
		String ana = unique("ana");
		String bob = unique("bob");
		String room = unique("room");
		String anaToken = b.register(ana);
		String bobToken = b.register(bob);
		b.result(anaToken, "create_room", params("room_name", room));
		b.result(anaToken, "join_room", params("username", ana, "room_name", room));
		b.result(bobToken, "join_room", params("username", bob, "room_name", room));
		try (RpcTestSocket socket = RpcTestSocket.open(port(instanceA), "Authorization", "Bearer " + anaToken);
				RpcTestSocket bobSocket = RpcTestSocket.open(port(instanceA), "Authorization", "Bearer " + bobToken)) {
			socket.result("subscribe", "room_name", room);
			bobSocket.result("subscribe", "room_name", room);
			// Three TTLs without a call: both reapers run meanwhile.
			await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
			assertThat(texts(b.result(null, "list_users", params("room_name", room)))).containsExactlyInAnyOrder(ana,
					bob);
			b.result(bobToken, "leave_room", params("username", bob, "room_name", room));
			assertThat(bobSocket.next().get("params").get("reason").asText()).isEqualTo("LEFT_ROOM");
			assertThat(contentsOf(socket.messages(1))).containsExactly(bob + " left");
		}
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(texts(b.result(null, "list_users", params("room_name", room)))).isEmpty());
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asText()));
		return texts;
	}

	private static String unique(String prefix) {
		return prefix + "-push-" + names.incrementAndGet();
	}

	private static int port(ConfigurableApplicationContext instance) {
		return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static ConfigurableApplicationContext startInstance() {
		return new SpringApplicationBuilder(ChatServerApplication.class).run("--server.port=0", "--chat.store=redis",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + SharedRedis.port(),
				"--spring.data.redis.database=" + DATABASE, "--chat.users.session-ttl=2s",
				"--chat.rooms.reaper-interval=200ms", "--chat.messages.per-second=0",
				"--chat.binder.url=http://127.0.0.1:1/rpc");
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
