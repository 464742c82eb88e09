package dev.rpcchat.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.rpcchat.server.ChatServerIntegrationTestSupport.texts;
import static dev.rpcchat.server.ChatServerIntegrationTestSupport.unique;
import static dev.rpcchat.test.RpcTestClient.params;
import static dev.rpcchat.test.RpcTestSocket.contentsOf;
import static dev.rpcchat.test.RpcTestSocket.idsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sockets over time, on a server with a short session TTL and a small outbound bound: an
 * open socket keeps its session, a closed one lets it expire, and a socket that does not
 * read is closed as too slow while the others go on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chat.binder.url=http://127.0.0.1:9/rpc", "chat.registration.ttl=1h",
				"chat.rooms.reaper-interval=200ms", "chat.users.session-ttl=2s", "chat.messages.per-second=0",
				"chat.web.max-queued=32KB" })
class SocketLifetimeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	RpcTestClient rpc;

	@BeforeEach
	void createClient() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void anOpenSocketKeepsItsSessionPastTheTtlAndTheTtlRunsFromItsClose() {
		String ana = unique("ana");
		String room = unique("room");
		String token = this.rpc.register(ana);
		this.rpc.result(token, "create_room", params("room_name", room));
		this.rpc.result(token, "join_room", params("username", ana, "room_name", room));
		try (RpcTestSocket socket = RpcTestSocket.open(this.port, "Authorization", "Bearer " + token)) {
			// Three TTLs with no call at all: the open socket is the session's only
			// activity.
			await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
			assertThat(texts(this.rpc.result(null, "list_users", params("room_name", room)))).containsExactly(ana);
		}
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(
					() -> assertThat(texts(this.rpc.result(null, "list_users", params("room_name", room)))).isEmpty());
		assertThat(this.rpc.errorCode(null, "authenticate", params("token", token))).isEqualTo(1008);
	}

	@Test
	void closesASocketThatReadsTooSlowlyWith1013WhileTheOthersGetEverythingAndItResumes() {
		String room = unique("room");
		String ana = unique("ana");
		String bob = unique("bob");
		String carol = unique("carol");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		String carolToken = this.rpc.register(carol);
		this.rpc.result(carolToken, "create_room", params("room_name", room));
		for (String[] user : new String[][] { { ana, anaToken }, { bob, bobToken }, { carol, carolToken } }) {
			this.rpc.result(user[1], "join_room", params("username", user[0], "room_name", room));
		}
		try (RpcTestSocket slow = RpcTestSocket.openNotReading(this.port);
				RpcTestSocket quick = RpcTestSocket.open(this.port, "Authorization", "Bearer " + bobToken)) {
			slow.send("""
					{"jsonrpc": "2.0", "method": "authenticate", "params": ["%s"], "id": "a"}""".formatted(anaToken));
			slow.send("""
					{"jsonrpc": "2.0", "method": "subscribe", "params": ["%s"], "id": "s"}""".formatted(room));
			quick.result("subscribe", "room_name", room);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.rpc.result(null, "list_users", params("room_name", room)).size() == 3);
			// Until the server gives up on the socket that reads nothing, past what the
			// TCP buffers between them hold.
			double tooSlowBefore = tooSlowCloses();
			int count = 0;
			List<JsonNode> all = new ArrayList<>();
			while (tooSlowCloses() == tooSlowBefore && count < 20_000) {
				int sent = sendBatch(carolToken, carol, room, count);
				count += sent;
				// the socket that reads takes each batch before the next comes
				all.addAll(quick.messages(sent));
			}
			assertThat(tooSlowCloses()).isEqualTo(tooSlowBefore + 1);
			assertThat(contentsOf(all)).allMatch((content) -> content.startsWith("#"));
			assertThat(idsOf(all)).isSorted().doesNotHaveDuplicates();
			slow.startReading();
			assertThat(slow.closeCode()).isEqualTo(1013);
			List<JsonNode> before = new ArrayList<>();
			while (slow.waiting() > 0) {
				JsonNode next = slow.next();
				if ("message".equals(next.path("method").asText())) {
					before.add(next.get("params"));
				}
			}
			assertThat(before.size()).isLessThan(count);
			long lastSeen = before.isEmpty() ? idsOf(all).get(0) - 1 : idsOf(before).get(before.size() - 1);
			try (RpcTestSocket resumed = RpcTestSocket.open(this.port, "Authorization", "Bearer " + anaToken)) {
				resumed.result("subscribe", "room_name", room, "after_id", lastSeen);
				List<JsonNode> rest = resumed.messages(count - before.size());
				List<Long> ids = new ArrayList<>(idsOf(before));
				ids.addAll(idsOf(rest));
				assertThat(ids).isEqualTo(idsOf(all));
			}
		}
	}

	private double tooSlowCloses() {
		Counter closes = this.meterRegistry.find("rpc.server.websocket.closes").tag("code", "1013").counter();
		return (closes != null) ? closes.count() : 0;
	}

	/**
	 * Sends a few messages of 2,000 characters in one batch, fewer than the bound holds,
	 * so that a socket that reads keeps up.
	 * @return how many were sent
	 */
	private int sendBatch(String token, String sender, String room, int first) {
		// 4 bytes of UTF-8 each: 8 KB a message, so what the loopback's TCP buffers can
		// hold (tens of MB when they grow) is passed well before the loop's limit; three
		// at a time stay under the 32 KB a reading socket may have waiting
		String padding = "\uD83D\uDE00".repeat(1_990);
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = first; i < first + 3; i++) {
			Map<String, Object> call = new LinkedHashMap<>();
			call.put("jsonrpc", "2.0");
			call.put("id", i);
			call.put("method", "send_message");
			call.put("params", params("username", sender, "room_name", room, "message", "#" + i + " " + padding));
			batch.add(call);
		}
		JsonNode answers = RpcTestClient.json(this.rpc.post(token, RpcTestClient.write(batch)).body());
		answers.forEach((answer) -> assertThat(answer.has("result")).as("%s", answer).isTrue());
		return batch.size();
	}

}
