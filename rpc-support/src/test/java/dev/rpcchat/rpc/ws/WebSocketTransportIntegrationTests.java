package dev.rpcchat.rpc.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.rpcchat.rpc.SampleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON-RPC over a real WebSocket: the same envelope as {@code POST /rpc}, the socket's
 * token, calls answered in any order, the limits on what comes in and what waits to go
 * out, and pings.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.web.ping-interval=200ms", "sample.web.pong-timeout=1500ms",
				"sample.web.max-queued-bytes=65536", "sample.web.max-calls-in-flight=8" })
class WebSocketTransportIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void answersEachTextMessageExactlyAsPostRpcDoes() {
		List<String> requests = List.of("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}""", """
				{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": "a"}""", """
				{"jsonrpc": "2.0", "method": "foobar", "id": "1"}""", """
				{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]""", """
				{"jsonrpc": "2.0", "method": 1, "params": "bar"}""", "[]", "[1,2,3]", """
				[{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
				 {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
				 {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
				 {"foo": "boo"},
				 {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
				 {"jsonrpc": "2.0", "method": "get_data", "id": "9"}]""", """
				{"jsonrpc": "2.0", "method": "find_room", "params": ["x"], "id": 7}""", """
				{"jsonrpc": "2.0", "method": "sum", "params": {"a": 1, "z": 2}, "id": 9}""");
		HttpClient http = HttpClient.newHttpClient();
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			for (String request : requests) {
				JsonNode overHttp = RpcTestClient.json(post(http, request).body());
				assertThat(socket.exchange(request)).as(request).isEqualTo(overHttp);
			}
		}
	}

	@Test
	void aCallAnsweredLaterLetsItsThreadGoAndHoldsUpNoOtherCall() {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.send("""
					{"jsonrpc": "2.0", "method": "later", "params": {"millis": 1000}, "id": 1}""");
			socket.send("""
					{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 2}""");
			assertThat(socket.next(2)).containsExactly(RpcTestClient.json("""
					{"jsonrpc": "2.0", "result": 19, "id": 2}"""), RpcTestClient.json("""
					{"jsonrpc": "2.0", "result": true, "id": 1}"""));
		}
	}

	@Test
	void answersNothingToNotifications() {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.send("""
					{"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}""");
			socket.send("""
					[{"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},
					 {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}]""");
			socket.send("""
					{"jsonrpc": "2.0", "method": "slow", "params": [300], "id": "last"}""");
			assertThat(socket.next().get("id").asText()).isEqualTo("last");
			assertThat(socket.waiting()).isZero();
		}
	}

	@Test
	void answersShortCallsWhileALongOneRuns() {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.send("""
					{"jsonrpc": "2.0", "method": "slow", "params": [2000], "id": "slow"}""");
			socket.send("""
					{"jsonrpc": "2.0", "method": "subtract", "params": [3, 1], "id": "quick"}""");
			List<JsonNode> answers = socket.next(2);
			assertThat(answers).extracting((answer) -> answer.get("id").asText()).containsExactly("quick", "slow");
		}
	}

	@Test
	void answersEveryCallWhenMoreRunAtOnceThanMayBeInFlight() {
		int calls = 40;
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			for (int i = 0; i < calls; i++) {
				socket.send("""
						{"jsonrpc": "2.0", "method": "slow", "params": [200], "id": %d}""".formatted(i));
			}
			Set<Integer> answered = new HashSet<>();
			socket.next(calls).forEach((answer) -> answered.add(answer.get("id").asInt()));
			assertThat(answered).hasSize(calls);
		}
	}

	@Test
	void assemblesAMessageSentInParts() {
		String id = "i".repeat(900_000);
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.sendInParts("""
					{"jsonrpc": "2.0", "method": "subtract", "params": [5, 3], "id": "%s"}""".formatted(id), 100_000);
			JsonNode answer = socket.next();
			assertThat(answer.get("result").asInt()).isEqualTo(2);
			assertThat(answer.get("id").asText()).isEqualTo(id);
		}
	}

	@Test
	void closesWith1009OnATextMessageOverOneMebibyte() {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.send("""
					{"jsonrpc": "2.0", "method": "subtract", "params": [5, 3], "id": "%s"}"""
				.formatted("x".repeat(2 << 20)));
			assertThat(socket.closed().code()).isEqualTo(1009);
		}
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.sendInParts("[" + "1,".repeat(600_000) + "1]", 64_000);
			assertThat(socket.closed().code()).isEqualTo(1009);
		}
	}

	@Test
	void closesWith1003OnABinaryMessage() {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			socket.sendBinary("""
					{"jsonrpc": "2.0", "method": "subtract", "params": [5, 3], "id": 1}""".getBytes());
			assertThat(socket.closed().code()).isEqualTo(1003);
		}
	}

	@Test
	void givesTheServiceTheUpgradeTokenAddressAndConnection() {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port, "Authorization", "Bearer up-token")) {
			assertThat(socket.exchange(call("whoami", "[]")).get("result").asText()).isEqualTo("up-token");
			JsonNode caller = socket.exchange(call("caller", "[]")).get("result");
			assertThat(caller.get(0).asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
			assertThat(caller.get(2).asLong()).isGreaterThanOrEqualTo(caller.get(1).asLong());
			assertThat(caller.get(3).asBoolean()).as("a connection").isTrue();
			assertThat(socket.exchange(call("bind", "[\"other\"]")).get("result").asBoolean()).isFalse();
		}
	}

	@Test
	void givesLaterCallsTheTokenBoundByAnEarlierOne() {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			assertThat(socket.exchange(call("whoami", "[]")).get("result").isNull()).isTrue();
			JsonNode batch = socket.exchange("""
					[{"jsonrpc": "2.0", "method": "bind", "params": ["bound"], "id": 1},
					 {"jsonrpc": "2.0", "method": "whoami", "id": 2}]""");
			assertThat(batch.get(0).get("result").asBoolean()).isTrue();
			assertThat(batch.get(1).get("result").asText()).isEqualTo("bound");
			assertThat(socket.exchange(call("bind", "[\"bound\"]")).get("result").asBoolean()).isTrue();
			assertThat(socket.exchange(call("bind", "[\"other\"]")).get("result").asBoolean()).isFalse();
			assertThat(socket.exchange(call("unbind", "[\"bound\"]")).get("result").asBoolean()).isTrue();
			assertThat(socket.exchange(call("whoami", "[]")).get("result").isNull()).isTrue();
		}
		try (RpcTestSocket other = RpcTestSocket.open(this.port)) {
			assertThat(other.exchange(call("whoami", "[]")).get("result").isNull()).as("another socket").isTrue();
		}
	}

	@Test
	void closesASlowConsumerWith1013AndServesTheOthers() {
		try (RpcTestSocket slow = RpcTestSocket.openNotReading(this.port);
				RpcTestSocket quick = RpcTestSocket.open(this.port)) {
			slow.send(call("flood", "[100000, 16000]"));
			// what waits to be written to this one stays under the bound
			quick.send(call("flood", "[3, 16000]"));
			List<JsonNode> received = quick.next(4);
			assertThat(received.subList(0, 3))
				.allSatisfy((pushed) -> assertThat(pushed.at("/params/0").asText()).hasSize(16000));
			assertThat(received.get(3).get("result").asInt()).isEqualTo(3);
			slow.startReading();
			assertThat(slow.closed().code()).isEqualTo(1013);
			assertThat(quick.exchange(call("subtract", "[2, 1]")).get("result").asInt()).isEqualTo(1);
		}
	}

	@Test
	void keepsAnsweringSocketsThatAnswerPings() throws InterruptedException {
		try (RpcTestSocket socket = RpcTestSocket.open(this.port)) {
			for (int i = 0; i < 4; i++) {
				// longer than the pong timeout in all, with only pings and pongs
				// meanwhile
				Thread.sleep(600);
				assertThat(socket.isClosed()).isFalse();
			}
			assertThat(socket.exchange(call("subtract", "[2, 1]")).get("result").asInt()).isEqualTo(1);
		}
	}

	@Test
	void closesASocketThatStopsAnsweringPings() {
		try (RpcTestSocket silent = RpcTestSocket.openNotReading(this.port)) {
			// It reads nothing, pings included, so it answers none.
			awaitClosedAfterStartReading(silent);
		}
	}

	private static void awaitClosedAfterStartReading(RpcTestSocket silent) {
		long deadline = System.nanoTime() + RpcTestSocket.TIMEOUT.toNanos();
		List<Integer> codes = new ArrayList<>();
		while (!silent.isClosed() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			silent.startReading();
		}
		codes.add(silent.closed().code());
		assertThat(codes).containsExactly(1001);
	}

	private static String call(String method, String params) {
		return """
				{"jsonrpc": "2.0", "method": "%s", "params": %s, "id": 1}""".formatted(method, params);
	}

	private HttpResponse<String> post(HttpClient http, String body) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/rpc"))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
