package dev.rpcchat.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request cannot hold the server for long or make it hold a huge answer: a batch has
 * at most {@code rpc.batch.max-calls} calls, stops running calls once its answers reach
 * {@code rpc.batch.max-answer-size}, and its long polls wait together, not one after the
 * other.
 */
class BatchLimitsIntegrationTests {

	@Nested
	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	class WithTheDefaults {

		@LocalServerPort
		int port;

		RpcTestClient rpc;

		@BeforeEach
		void connect() {
			this.rpc = RpcTestClient.to(this.port);
		}

		@Test
		void answersABatchOfOneHundredCalls() {
			JsonNode answers = this.rpc.answer(batch(100, "noop", "[]"));
			assertThat(answers).hasSize(100)
				.allSatisfy((answer) -> assertThat(answer.get("result").asBoolean()).isTrue());
		}

		@Test
		void refusesABatchOfMoreThanOneHundredCallsWholeWithOneError() {
			this.rpc.expect(batch(101, "noop", "[]"),
					"""
							{"jsonrpc": "2.0", "error": {"code": -32600,
							 "message": "Invalid Request: a batch may hold at most 100 calls, this one has 101"}, "id": null}""");
		}

		@Test
		void answersLongPollsOfOneBatchWithinTheLongestWaitNotTheirSum() {
			long start = System.nanoTime();
			JsonNode answers = this.rpc.answer(batch(5, "wait_for", "[2]"));
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			List<Integer> waited = new ArrayList<>();
			answers.forEach((answer) -> waited.add(answer.get("result").asInt()));
			assertThat(waited.get(0)).as("the first poll waits its 2 s").isBetween(1_000, 2_500);
			assertThat(waited.subList(1, 5)).as("the others find their 2 s already spent")
				.allSatisfy((millis) -> assertThat(millis).isLessThan(100));
			assertThat(elapsedMillis).as("not 5 x 2 s").isLessThan(8_000);
		}

	}

	@Nested
	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "rpc.batch.max-calls=6", "rpc.batch.max-answer-size=1KB" })
	class WithSmallLimits {

		@LocalServerPort
		int port;

		@Autowired
		SampleApplication.SampleServiceImplementation service;

		RpcTestClient rpc;

		@BeforeEach
		void connect() {
			this.rpc = RpcTestClient.to(this.port);
		}

		@Test
		void readsItsLimitsFromTheProperties() {
			this.rpc.expect(batch(7, "noop", "[]"), """
					{"jsonrpc": "2.0", "error": {"code": -32600,
					 "message": "Invalid Request: a batch may hold at most 6 calls, this one has 7"}, "id": null}""");
		}

		@Test
		void stopsRunningCallsOnceTheAnswersReachTheirLimit() {
			int kept = this.service.remembered.size();
			JsonNode answers = this.rpc.answer("""
					[{"jsonrpc": "2.0", "method": "text", "params": [400], "id": 1},
					 {"jsonrpc": "2.0", "method": "text", "params": [400], "id": 2},
					 {"jsonrpc": "2.0", "method": "text", "params": [400], "id": 3},
					 {"jsonrpc": "2.0", "method": "remember", "params": ["too late"], "id": 4},
					 {"jsonrpc": "2.0", "method": "remember", "params": ["too late, unanswered"]},
					 {"foo": "bar"}]""");
			assertThat(answers).hasSize(5);
			for (int i = 0; i < 3; i++) {
				assertThat(answers.get(i).get("result").asText()).hasSize(400);
			}
			assertThat(answers.get(3)).isEqualTo(RpcTestClient
				.json("""
						{"jsonrpc": "2.0", "error": {"code": -32001,
						 "message": "Not executed: the answers of this batch reached 1 KiB; send this call again in another request"},
						 "id": 4}"""));
			assertThat(answers.get(4)).isEqualTo(RpcTestClient.json("""
					{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"""));
			assertThat(this.service.remembered).hasSize(kept);
		}

		@Test
		void answersALargeSingleCallWhole() {
			assertThat(this.rpc.answer("""
					{"jsonrpc": "2.0", "method": "text", "params": [5000], "id": 1}""").get("result").asText())
				.hasSize(5000);
		}

	}

	private static String batch(int calls, String method, String params) {
		StringJoiner batch = new StringJoiner(",", "[", "]");
		for (int i = 1; i <= calls; i++) {
			batch.add("""
					{"jsonrpc": "2.0", "method": "%s", "params": %s, "id": %d}""".formatted(method, params, i));
		}
		return batch.toString();
	}

}
