package dev.rpcchat.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.ExpectedLogs;
import dev.rpcchat.test.RpcTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call answered later ({@link RpcCaller#answerLater}) lets its thread go, and is
 * answered exactly as a call answered on its thread: alone or in a batch, as a
 * notification, with its errors and its timing (over a WebSocket:
 * {@code WebSocketTransportIntegrationTests}). With {@code rpc.answer-later=false} its
 * thread waits, and the answers are the same.
 */
class AnswerLaterIntegrationTests {

	static String later(int millis, String outcome, Object id) {
		String params = (outcome != null) ? "{\"millis\": %d, \"outcome\": \"%s\"}".formatted(millis, outcome)
				: "{\"millis\": %d}".formatted(millis);
		String request = "{\"jsonrpc\": \"2.0\", \"method\": \"later\", \"params\": " + params;
		return (id != null) ? request + ", \"id\": " + id + "}" : request + "}";
	}

	@Nested
	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	class AnsweredLater {

		@LocalServerPort
		int port;

		@Autowired
		MeterRegistry meterRegistry;

		@Autowired
		SampleApplication.SampleServiceImplementation service;

		RpcTestClient rpc;

		@BeforeEach
		void connect() {
			this.rpc = RpcTestClient.to(this.port);
		}

		@Test
		void aCallAnsweredLaterLetsItsThreadGoAndGetsItsValue() {
			this.rpc.expect(later(100, null, 1), """
					{"jsonrpc": "2.0", "result": true, "id": 1}""");
		}

		@Test
		void itsFailureIsItsErrorExactlyAsIfTheMethodHadThrownIt() {
			this.rpc.expect(later(50, "room_not_found", "\"a\""), """
					{"jsonrpc": "2.0", "error": {"code": 1004, "message": "No room here.",
					 "data": {"reason": "ROOM_NOT_FOUND"}}, "id": "a"}""");
		}

		@Test
		void anUnexpectedFailureIsABareInternalErrorLoggedOnce() {
			try (ExpectedLogs logs = ExpectedLogs.of(RpcErrorResolver.class, Envelope.class)) {
				this.rpc.expect(later(50, "failure", 7), """
						{"jsonrpc": "2.0", "error": {"code": -32603, "message": "Internal error"}, "id": 7}""");
				assertThat(logs.text()).startsWith("ERROR Unexpected failure of JSON-RPC method later")
					.contains("java.lang.IllegalStateException: A later bug")
					.doesNotContain("answering a JSON-RPC request");
			}
		}

		@Test
		void whatAMethodThrowsAfterHandingOverALaterAnswerIsItsError() {
			this.rpc.expect(later(50, "thrown", 2), """
					{"jsonrpc": "2.0", "error": {"code": 1002, "message": "Thrown after answering later.",
					 "data": {"reason": "INVALID_NAME"}}, "id": 2}""");
		}

		@Test
		void aBatchAnswersItsCallsInOrderWhetherAnsweredLaterOrAtOnce() {
			int kept = this.service.remembered.size();
			this.rpc.expect("[" + later(200, null, 1) + """
					, {"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 2},
					""" + later(50, null, null) + ", " + later(50, "room_not_found", 3) + """
					, {"jsonrpc": "2.0", "method": "remember", "params": ["after the later ones"], "id": 4},
					 {"foo": "boo"}]""", """
					[{"jsonrpc": "2.0", "result": true, "id": 1},
					 {"jsonrpc": "2.0", "result": 19, "id": 2},
					 {"jsonrpc": "2.0", "error": {"code": 1004, "message": "No room here.",
					  "data": {"reason": "ROOM_NOT_FOUND"}}, "id": 3},
					 {"jsonrpc": "2.0", "result": %d, "id": 4},
					 {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}]"""
				.formatted(kept + 1));
		}

		@Test
		void notificationsAnsweredLaterGetNoAnswerAloneOrInABatch() {
			this.rpc.expectNothing(later(50, null, null));
			this.rpc.expectNothing("[" + later(50, null, null) + ", " + later(50, "room_not_found", null) + "]");
		}

		@Test
		void aCallAnsweredLaterIsTimedWhenItIsAnsweredWithItsOutcome() {
			double answered = count("0");
			double failed = count("1004");
			Timer timer = timer("0");
			double secondsBefore = (timer != null) ? timer.totalTime(TimeUnit.SECONDS) : 0;
			this.rpc.answer(later(300, null, 1));
			this.rpc.answer(later(10, "room_not_found", 2));
			assertThat(count("0")).isEqualTo(answered + 1);
			assertThat(count("1004")).isEqualTo(failed + 1);
			assertThat(timer("0").totalTime(TimeUnit.SECONDS) - secondsBefore).as("the call's time includes its wait")
				.isGreaterThanOrEqualTo(0.3);
		}

		@Test
		void manyCallsWaitAtOnceEachWithoutAThread() throws Exception {
			int callers = 64;
			try (ExecutorService executor = Executors.newFixedThreadPool(callers)) {
				List<Future<JsonNode>> answers = new ArrayList<>();
				for (int i = 0; i < callers; i++) {
					int id = i;
					answers.add(executor.submit(() -> this.rpc.answer(later(300, null, id))));
				}
				for (int i = 0; i < callers; i++) {
					assertThat(answers.get(i).get()).isEqualTo(RpcTestClient.json("""
							{"jsonrpc": "2.0", "result": true, "id": %d}""".formatted(i)));
				}
			}
		}

		private double count(String code) {
			Timer timer = timer(code);
			return (timer != null) ? timer.count() : 0;
		}

		private Timer timer(String code) {
			return this.meterRegistry.find(RpcMetrics.TIMER).tag("method", "later").tag("code", code).timer();
		}

	}

	@Nested
	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "rpc.batch.max-calls=6", "rpc.batch.max-answer-size=1KB" })
	class WithSmallBatchLimits {

		@LocalServerPort
		int port;

		@Test
		void theAnswersOfCallsAnsweredLaterCountTowardsTheBatchAnswerLimit() {
			JsonNode answers = RpcTestClient.to(this.port).answer("""
					[{"jsonrpc": "2.0", "method": "text", "params": [500], "id": 1},
					""" + later(50, null, 2) + """
					, {"jsonrpc": "2.0", "method": "text", "params": [500], "id": 3},
					""" + later(50, null, 4) + "]");
			assertThat(answers).hasSize(4);
			assertThat(answers.get(1)).isEqualTo(RpcTestClient.json("""
					{"jsonrpc": "2.0", "result": true, "id": 2}"""));
			assertThat(answers.get(3).at("/error/code").asInt()).isEqualTo(RpcErrors.NOT_EXECUTED);
		}

	}

	@Nested
	@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "rpc.answer-later=false")
	class SwitchedOff {

		@LocalServerPort
		int port;

		RpcTestClient rpc;

		@BeforeEach
		void connect() {
			this.rpc = RpcTestClient.to(this.port);
		}

		@Test
		void theCallsThreadWaitsForTheAnswer() {
			this.rpc.expect(later(100, null, 1), """
					{"jsonrpc": "2.0", "result": false, "id": 1}""");
		}

		@Test
		void itsAnswersAreTheSame() {
			this.rpc.expect(later(50, "room_not_found", 1), """
					{"jsonrpc": "2.0", "error": {"code": 1004, "message": "No room here.",
					 "data": {"reason": "ROOM_NOT_FOUND"}}, "id": 1}""");
			this.rpc.expectNothing(later(50, "room_not_found", null));
			this.rpc.expect("[" + later(50, "room_not_found", 1) + """
					, {"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 2}]""", """
					[{"jsonrpc": "2.0", "error": {"code": 1004, "message": "No room here.",
					  "data": {"reason": "ROOM_NOT_FOUND"}}, "id": 1},
					 {"jsonrpc": "2.0", "result": 19, "id": 2}]""");
		}

	}

}
