package dev.rpcchat.rpc;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rpc.discover, the caller's bearer token, the call timer and concurrent calls, over real
 * HTTP.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ServiceFeaturesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	RpcTestClient rpc;

	@BeforeEach
	void connect() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void describesContractWithOpenRpc() {
		JsonNode document = this.rpc.answer("""
				{"jsonrpc": "2.0", "method": "rpc.discover", "id": 1}""").get("result");
		assertThat(document.get("openrpc").asText()).isEqualTo("1.2.6");
		assertThat(document.at("/info/title").asText()).isEqualTo("SampleService");
		assertThat(document.at("/info/version").isTextual()).isTrue();
		List<String> names = new ArrayList<>();
		document.get("methods").forEach((method) -> names.add(method.get("name").asText()));
		assertThat(names).contains("subtract", "register_procedure", "get_data", "typed")
			.doesNotContain("rpc.discover")
			.isSorted();
		JsonNode register = method(document, "register_procedure");
		assertThat(register.get("summary").asText()).isEqualTo("Register procedure");
		assertThat(register.get("params")).isEqualTo(RpcTestClient.json("""
				[{"name": "procedure_name", "required": true, "schema": {"type": "string"}},
				 {"name": "address", "required": true, "schema": {"type": "string"}},
				 {"name": "port", "required": true, "schema": {"type": "integer"}},
				 {"name": "ttl_seconds", "required": false, "schema": {"type": ["integer", "null"]}}]"""));
		assertThat(register.get("result")).isEqualTo(RpcTestClient.json("""
				{"name": "result", "schema": {"type": "boolean"}}"""));
		assertThat(method(document, "typed").at("/params/3/schema")).isEqualTo(RpcTestClient.json("""
				{"type": ["array", "null"], "items": {"type": "string"}}"""));
		assertThat(method(document, "typed").at("/params/4/schema")).isEqualTo(RpcTestClient.json("""
				{"type": ["string", "null"], "enum": ["broadcast", "unicast", "system", null]}"""));
	}

	@Test
	void refusesParamsForDiscover() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "rpc.discover", "params": ["x"], "id": 1}""",
				"""
						{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'rpc.discover' takes no parameters"}, "id": 1}""");
		assertThat(this.rpc.answer("""
				{"jsonrpc": "2.0", "method": "rpc.discover", "params": {}, "id": 1}""").has("result")).isTrue();
	}

	@Test
	void showsBearerTokenToTheServiceDuringTheCallOnly() {
		String whoami = """
				{"jsonrpc": "2.0", "method": "whoami", "id": 1}""";
		assertThat(this.rpc.answer(whoami, "Authorization", "Bearer s3cr3t").get("result").asText())
			.isEqualTo("s3cr3t");
		assertThat(this.rpc.answer(whoami, "Authorization", "bearer abc ").get("result").asText()).isEqualTo("abc");
		assertThat(this.rpc.answer(whoami).get("result").isNull()).isTrue();
		assertThat(this.rpc.answer(whoami, "Authorization", "Basic dXNlcg==").get("result").isNull()).isTrue();
		assertThat(RpcCaller.bearerToken()).isEmpty();
	}

	@Test
	void showsRemoteAddressAndReceptionTimeOfTheWholeRequestToTheService() {
		long before = System.nanoTime();
		JsonNode batch = this.rpc.answer("""
				[{"jsonrpc": "2.0", "method": "caller", "id": 1},
				 {"jsonrpc": "2.0", "method": "wait_for", "params": [0], "id": 2},
				 {"jsonrpc": "2.0", "method": "caller", "id": 3}]""");
		long after = System.nanoTime();
		JsonNode first = batch.get(0).get("result");
		JsonNode last = batch.get(2).get("result");
		assertThat(first.get(0).asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		long received = first.get(1).asLong();
		assertThat(received).isBetween(before, after);
		assertThat(last.get(1).asLong()).as("one reception time for the whole batch").isEqualTo(received);
		assertThat(last.get(2).asLong()).isGreaterThanOrEqualTo(first.get(2).asLong()).isGreaterThanOrEqualTo(received);
		assertThat(first.get(3).asBoolean()).as("a connection over plain HTTP").isFalse();
		assertThat(RpcCaller.remoteAddress()).isEmpty();
		assertThat(RpcCaller.connection()).isEmpty();
	}

	@Test
	void runsCallsOnVirtualThreads() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "on_virtual_thread", "id": 1}""", """
				{"jsonrpc": "2.0", "result": true, "id": 1}""");
	}

	@Test
	void timesEveryCallByMethodOutcomeAndCode() {
		double subtractBefore = count("subtract", "success", "0");
		double unknownBefore = count("unknown", "error", "-32601");
		double chatErrorBefore = count("find_room", "error", "1004");
		this.rpc.answer("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [1, 1], "id": 1}""");
		this.rpc.answer("""
				{"jsonrpc": "2.0", "method": "no_such_method_%d", "id": 1}""".formatted(System.nanoTime()));
		this.rpc.answer("""
				{"jsonrpc": "2.0", "method": "find_room", "params": ["x"], "id": 1}""");
		assertThat(count("subtract", "success", "0")).isEqualTo(subtractBefore + 1);
		assertThat(count("unknown", "error", "-32601")).isEqualTo(unknownBefore + 1);
		assertThat(count("find_room", "error", "1004")).isEqualTo(chatErrorBefore + 1);
		HttpResponse<String> scrape = this.rpc
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).GET());
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body())
			.contains("rpc_server_calls_seconds_count{code=\"0\",method=\"subtract\",outcome=\"success\"}")
			.contains("method=\"unknown\"")
			.doesNotContain("no_such_method");
	}

	@Test
	void servesManyConcurrentCallers() throws Exception {
		int callers = 32;
		int callsEach = 25;
		try (ExecutorService executor = Executors.newFixedThreadPool(callers)) {
			List<Future<Integer>> results = new ArrayList<>();
			for (int caller = 0; caller < callers; caller++) {
				String token = "token-" + caller;
				int minuend = caller * 1000;
				Callable<Integer> calls = () -> {
					int correct = 0;
					for (int i = 0; i < callsEach; i++) {
						JsonNode batch = this.rpc.answer("""
								[{"jsonrpc": "2.0", "method": "whoami", "id": 1},
								 {"jsonrpc": "2.0", "method": "subtract", "params": [%d, %d], "id": 2}]"""
							.formatted(minuend, i), "Authorization", "Bearer " + token);
						if (batch.at("/0/result").asText().equals(token)
								&& batch.at("/1/result").asInt() == minuend - i) {
							correct++;
						}
					}
					return correct;
				};
				results.add(executor.submit(calls));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(callsEach);
			}
		}
	}

	private double count(String method, String outcome, String code) {
		Timer timer = this.meterRegistry.find(RpcMetrics.TIMER)
			.tag("method", method)
			.tag("outcome", outcome)
			.tag("code", code)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static JsonNode method(JsonNode document, String name) {
		for (JsonNode method : document.get("methods")) {
			if (method.get("name").asText().equals(name)) {
				return method;
			}
		}
		throw new AssertionError("No method " + name);
	}

}
