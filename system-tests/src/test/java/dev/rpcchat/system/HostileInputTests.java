package dev.rpcchat.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpcchat.test.AppProcess;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 17, rerun against a binder (with no token: the most exposed) and a
 * chat server, each the built jar in a process of its own, while alice, bob and carol
 * chat as usual ({@link NormalTraffic}): every attack gets its documented error, and
 * every call of theirs succeeds, with nothing they sent lost, doubled or out of order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTests {

	private static final String SURROGATE = "\u0000surrogate\u0000";

	private static final int MEBIBYTE = 1024 * 1024;

	private AppProcess binder;

	private AppProcess chat;

	private RpcTestClient chatRpc;

	private RpcTestClient binderRpc;

	private NormalTraffic traffic;

	private String mallory;

	@BeforeAll
	void startTheServersAndTheNormalClients() {
		this.binder = AppProcess.binder();
		this.chat = AppProcess.of("chat-app")
			.jvmOptions("-Xmx512m")
			.arguments("--chat.binder.url=" + this.binder.rpcUrl())
			.start();
		this.chat.awaitLog("Registered ", Duration.ofMinutes(2));
		this.chatRpc = RpcTestClient.to(this.chat.port());
		this.binderRpc = RpcTestClient.to(this.binder.port());
		this.traffic = NormalTraffic.start(this.chat.port(), this.binder.port());
		this.mallory = this.chatRpc.register("mallory");
	}

	@AfterAll
	void stopThem() {
		if (this.traffic != null) {
			this.traffic.close();
		}
		if (this.chat != null) {
			this.chat.stop();
		}
		if (this.binder != null) {
			this.binder.stop();
		}
	}

	@Test
	@Order(1)
	void aLoneSurrogateInAnyStringOfAnyMethodIsRefusedAndChangesNothing() {
		JsonNode roomsBefore = this.chatRpc.result("list_rooms", null);
		List<JsonNode> proceduresBefore = withoutExpiries(this.binderRpc.result("list_procedures", null));
		int refused = refuseSurrogates(this.chatRpc, this.mallory) + refuseSurrogates(this.binderRpc, null);
		assertThat(refused).as("string parameters tried").isGreaterThan(20);
		assertThat(this.chatRpc.result("list_rooms", null)).isEqualTo(roomsBefore);
		assertThat(withoutExpiries(this.binderRpc.result("list_procedures", null))).isEqualTo(proceduresBefore);
		assertThat(this.binderRpc.result("lookup_procedure", params("procedure_name", "join_room")).get("port").asInt())
			.isEqualTo(this.chat.port());
	}

	/**
	 * Calls every method the server describes in {@code rpc.discover} once per string
	 * parameter, that parameter holding {@code "\ud800"} and the others plausible values.
	 * @return how many calls were refused
	 */
	private static int refuseSurrogates(RpcTestClient rpc, String token) {
		int refused = 0;
		for (JsonNode method : rpc.result("rpc.discover", null).get("methods")) {
			for (JsonNode target : method.get("params")) {
				if (!target.get("schema").toString().contains("\"string\"")) {
					continue;
				}
				Map<String, Object> params = new LinkedHashMap<>();
				for (JsonNode param : method.get("params")) {
					params.put(param.get("name").asText(), plausible(param));
				}
				params.put(target.get("name").asText(), SURROGATE);
				String body = RpcTestClient.body(method.get("name").asText(), params)
					.replace(RpcTestClient.write(SURROGATE), "\"\\ud800\"");
				JsonNode answer = RpcTestClient.json(rpc.post(token, body).body());
				assertThat(answer.get("error")).as("%s", body).isNotNull();
				assertThat(answer.get("error").get("code").asInt()).as("%s", body).isEqualTo(-32602);
				assertThat(answer.get("error").get("message").asText())
					.isEqualTo("Invalid params: '" + target.get("name").asText()
							+ "' is not valid Unicode text: it has an unpaired UTF-16 surrogate");
				refused++;
			}
		}
		return refused;
	}

	private static Object plausible(JsonNode param) {
		String schema = param.get("schema").toString();
		if (schema.contains("\"integer\"")) {
			return param.get("name").asText().equals("port") ? 7000 : 0;
		}
		return "x";
	}

	private static List<JsonNode> withoutExpiries(JsonNode entries) {
		List<JsonNode> copies = new ArrayList<>();
		entries.forEach((entry) -> copies.add(((ObjectNode) entry.deepCopy()).without("expires_at")));
		return copies;
	}

	@Test
	@Order(2)
	void aNumberTooLargeToReadIsAParseErrorOnBothServers() {
		for (RpcTestClient rpc : List.of(this.chatRpc, this.binderRpc)) {
			rpc.expect("""
					{"jsonrpc": "2.0", "method": "list_rooms", "params": {"n": 1e99999999999}, "id": 1}""", """
					{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}""");
		}
	}

	@Test
	@Order(3)
	void aMaximalBatchOfJoinsStopsAtItsAnswerLimitAndALargerOneRunsNothing() {
		String room = "heavy";
		this.chatRpc.result(this.mallory, "create_room", params("room_name", room));
		this.chatRpc.result(this.mallory, "join_room", params("username", "mallory", "room_name", room));
		// 50 broadcasts of 2,000 emoji: each join answers about 400 KB, 100 of them 40 MB
		String longest = "\uD83D\uDE00".repeat(2000);
		for (int sent = 0; sent < 50;) {
			JsonNode answer = this.chatRpc.call(this.mallory, "send_message",
					params("username", "mallory", "room_name", room, "message", longest));
			if (answer.has("error")) {
				assertThat(answer.get("error").get("code").asInt()).isEqualTo(1009);
				pause(answer.get("error").get("data").get("retry_after_ms").asLong());
			}
			else {
				sent++;
			}
		}
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			batch.add(Map.of("jsonrpc", "2.0", "id", i, "method", "join_room", "params",
					Map.of("username", "mallory", "room_name", room)));
		}
		HttpResponse<String> response = this.chatRpc.post(this.mallory, RpcTestClient.write(batch));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).as("the batch's answer")
			.isLessThan(17 * MEBIBYTE);
		JsonNode answers = RpcTestClient.json(response.body());
		assertThat(answers).hasSize(100);
		List<JsonNode> joined = new ArrayList<>();
		List<JsonNode> notRun = new ArrayList<>();
		answers.forEach((answer) -> (answer.has("result") ? joined : notRun).add(answer));
		assertThat(joined).isNotEmpty().allSatisfy((answer) -> assertThat(answer.at("/result/messages")).hasSize(50));
		assertThat(notRun).isNotEmpty()
			.allSatisfy((answer) -> assertThat(answer.at("/error/code").asInt()).isEqualTo(-32001));
		batch.add(batch.get(0));
		this.chatRpc.expect(RpcTestClient.write(batch), """
				{"jsonrpc": "2.0", "error": {"code": -32600,
				 "message": "Invalid Request: a batch may hold at most 100 calls, this one has 101"}, "id": null}""");
	}

	@Test
	@Order(4)
	void bodiesOverOneMebibyteAreRefusedOnBothServers() {
		for (RpcTestClient rpc : List.of(this.chatRpc, this.binderRpc)) {
			for (int size : new int[] { MEBIBYTE + 1, 2 * MEBIBYTE }) {
				String body = "{\"jsonrpc\": \"2.0\", \"method\": \"list_rooms\", \"id\": 1, \"pad\": \""
						+ "x".repeat(size) + "\"}";
				rpc.expect(body, """
						{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}""");
			}
		}
	}

	@Test
	@Order(5)
	void aWebSocketMessageOverOneMebibyteOrABinaryOneClosesThatSocketOnly() {
		try (RpcTestSocket big = RpcTestSocket.open(this.chat.port());
				RpcTestSocket binary = RpcTestSocket.open(this.chat.port())) {
			big.send(
					"{\"jsonrpc\": \"2.0\", \"method\": \"list_rooms\", \"id\": \"" + "x".repeat(2 * MEBIBYTE) + "\"}");
			binary.sendBinary(new byte[] { 1, 2, 3 });
			assertThat(big.closeCode()).isEqualTo(1009);
			assertThat(binary.closeCode()).isEqualTo(1003);
		}
	}

	@Test
	@Order(6)
	void otherHttpMethodsOnRpcAre405WithAllowPost() {
		for (RpcTestClient rpc : List.of(this.chatRpc, this.binderRpc)) {
			for (String method : List.of("OPTIONS", "TRACE", "PUT", "GET")) {
				HttpResponse<String> response = rpc
					.send(HttpRequest.newBuilder(rpc.uri()).method(method, HttpRequest.BodyPublishers.noBody()));
				assertThat(response.statusCode()).as(method).isEqualTo(405);
				assertThat(response.headers().firstValue("Allow")).as(method).hasValue("POST");
				assertThat(response.body()).as(method).isEmpty();
			}
		}
	}

	@Test
	@Order(7)
	void aNulInAHeaderIsAnsweredAndItsBearerTokenIsNeverLogged() throws IOException {
		for (AppProcess server : List.of(this.chat, this.binder)) {
			String answer = rawPost(server.port(), "Authorization: Bearer " + this.mallory + "\u0000evil");
			assertThat(answer).startsWith("HTTP/1.1 200");
			assertThat(RpcTestClient.json(answer.substring(answer.indexOf("\r\n\r\n") + 4))).isEqualTo(RpcTestClient
				.json("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid Request\"}, \"id\": null}"));
		}
		assertThat(this.chat.log()).doesNotContain(this.mallory);
		assertThat(this.binder.log()).doesNotContain(this.mallory);
	}

	/**
	 * Posts a call with a header line the JDK's client would refuse to send, and reads
	 * the answer until the server closes the connection.
	 */
	private static String rawPost(int port, String headerLine) throws IOException {
		byte[] body = "{\"jsonrpc\": \"2.0\", \"method\": \"list_rooms\", \"id\": 1}".getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + headerLine
					+ "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	@Test
	@Order(8)
	void aFloodOfSignUpsFromOneAddressIsRateLimited() {
		int registered = 0;
		int limited = 0;
		for (int i = 0; i < 100; i++) {
			JsonNode answer = this.chatRpc.call(null, "register_user", params("username", "flood-" + i));
			if (answer.has("result")) {
				registered++;
			}
			else {
				assertThat(answer.at("/error/code").asInt()).as("%s", answer).isEqualTo(1009);
				assertThat(answer.at("/error/data/retry_after_ms").asLong()).isPositive();
				limited++;
			}
		}
		assertThat(registered).as("registered before the limit").isLessThanOrEqualTo(60);
		assertThat(limited).isGreaterThanOrEqualTo(40);
	}

	@Test
	@Order(9)
	void everyOtherClientWasServedThroughoutAndBothServersAreStillUp() {
		this.traffic.assertEveryoneWasServed();
		for (AppProcess server : List.of(this.chat, this.binder)) {
			assertThat(server.isAlive()).isTrue();
			HttpResponse<String> health = this.chatRpc
				.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health/readiness")));
			assertThat(health.statusCode()).as("readiness of %s", server).isEqualTo(200);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(Math.max(1, millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
