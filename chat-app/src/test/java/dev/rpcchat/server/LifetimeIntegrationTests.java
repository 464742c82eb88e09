package dev.rpcchat.server;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.rpcchat.server.ChatServerIntegrationTestSupport.contents;
import static dev.rpcchat.server.ChatServerIntegrationTestSupport.texts;
import static dev.rpcchat.server.ChatServerIntegrationTestSupport.unique;
import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reaping, session expiry and the rate limit, on a server with short lifetimes and a low
 * rate.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chat.binder.url=http://127.0.0.1:9/rpc", "chat.registration.ttl=1h", "chat.rooms.idle-ttl=1s",
				"chat.rooms.reaper-interval=200ms", "chat.users.session-ttl=2s", "chat.messages.per-second=1",
				"chat.messages.burst=3", "chat.limits.registrations-per-minute=0", "chat.limits.rooms-per-minute=0" })
class LifetimeIntegrationTests {

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	@BeforeEach
	void createClient() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void anEmptyRoomIsReapedAfterTheIdleTtlButARoomWithUsersNever() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		String empty = unique("empty");
		String busy = unique("busy");
		this.rpc.result(token, "create_room", params("room_name", empty));
		this.rpc.result(token, "create_room", params("room_name", busy));
		this.rpc.result(token, "join_room", params("username", ana, "room_name", busy));
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			this.rpc.result(token, "heartbeat", params("username", ana));
			assertThat(texts(this.rpc.result(null, "list_rooms", null))).doesNotContain(empty).contains(busy);
		});
		assertThat(this.rpc.errorCode(token, "join_room", params("username", ana, "room_name", empty))).isEqualTo(1004);
		this.rpc.result(token, "leave_room", params("username", ana, "room_name", busy));
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(texts(this.rpc.result(token, "list_rooms", null))).doesNotContain(busy));
	}

	@Test
	void anExpiredSessionLeavesEveryRoomAnnouncedAndFreesTheName() {
		String ana = unique("ana");
		String bob = unique("bob");
		String room = unique("room");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		this.rpc.result(bobToken, "create_room", params("room_name", room));
		this.rpc.result(anaToken, "join_room", params("username", ana, "room_name", room));
		this.rpc.result(bobToken, "join_room", params("username", bob, "room_name", room));
		this.rpc.result(bobToken, "receive_messages", params("username", bob, "room_name", room));
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode users = this.rpc.result(bobToken, "list_users", params("room_name", room));
			assertThat(texts(users)).containsExactly(bob);
		});
		assertThat(contents(this.rpc.result(bobToken, "receive_messages", params("username", bob, "room_name", room))))
			.containsExactly(ana + " left");
		assertThat(this.rpc.errorCode(anaToken, "heartbeat", params("username", ana))).isEqualTo(1008);
		assertThat(this.rpc.register(ana)).isNotEqualTo(anaToken);
	}

	@Test
	void aLongPollLongerThanTheSessionTtlKeepsItsUserSignedIn() {
		String ana = unique("ana");
		String room = unique("poll");
		String token = this.rpc.register(ana);
		this.rpc.result(token, "create_room", params("room_name", room));
		this.rpc.result(token, "join_room", params("username", ana, "room_name", room));
		this.rpc.result(token, "receive_messages", params("username", ana, "room_name", room));
		// Waits 5 s with a session-ttl of 2 s and the reaper looking every 200 ms.
		JsonNode messages = this.rpc.result(token, "receive_messages",
				params("username", ana, "room_name", room, "wait_seconds", 5));
		assertThat(messages).isEmpty();
		assertThat(this.rpc.result(token, "heartbeat", params("username", ana)).get("username").asText())
			.isEqualTo(ana);
		assertThat(texts(this.rpc.result(token, "list_users", params("room_name", room)))).containsExactly(ana);
	}

	@Test
	void sendingFasterThanTheRateIsRateLimitedWithRetryAfter() {
		String ana = unique("ana");
		String room = unique("rate");
		String token = this.rpc.register(ana);
		this.rpc.result(token, "create_room", params("room_name", room));
		this.rpc.result(token, "join_room", params("username", ana, "room_name", room));
		JsonNode first = this.rpc.result(token, "send_message",
				params("username", ana, "room_name", room, "message", "m0", "client_msg_id", "first"));
		JsonNode limited = null;
		for (int i = 1; i < 10 && limited == null; i++) {
			JsonNode response = this.rpc.call(token, "send_message",
					params("username", ana, "room_name", room, "message", "m" + i));
			if (response.has("error")) {
				limited = response.get("error");
			}
		}
		assertThat(limited).isNotNull();
		assertThat(limited.get("code").asInt()).isEqualTo(1009);
		assertThat(limited.get("data").get("reason").asText()).isEqualTo("RATE_LIMITED");
		assertThat(limited.get("data").get("retry_after_ms").asLong()).isBetween(1L, 1000L);
		JsonNode repeat = this.rpc.result(token, "send_message",
				params("username", ana, "room_name", room, "message", "m0", "client_msg_id", "first"));
		assertThat(repeat).isEqualTo(first);
		assertThat(
				this.rpc.errorCode(token, "send_message", params("username", ana, "room_name", room, "message", " ")))
			.as("content is checked before the rate")
			.isEqualTo(1007);
	}

}
