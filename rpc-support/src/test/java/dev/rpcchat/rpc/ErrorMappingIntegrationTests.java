package dev.rpcchat.rpc;

import java.net.http.HttpResponse;

import dev.rpcchat.test.ExpectedLogs;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service throws reaches the client as its JSON-RPC error, and nothing else of it
 * does.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorMappingIntegrationTests {

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	@BeforeEach
	void connect() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void answersChatExceptionWithItsCodeSentenceAndReason() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "find_room", "params": {"room_name": "geral"}, "id": 1}""", """
				{"jsonrpc": "2.0", "id": 1, "error": {"code": 1004, "message": "There is no room named geral.",
				 "data": {"reason": "ROOM_NOT_FOUND", "room_name": "geral"}}}""");
	}

	@Test
	void answersUnexpectedExceptionWithBareInternalErrorAndLogsItsTrace() {
		try (ExpectedLogs logs = ExpectedLogs.of(RpcErrorResolver.class)) {
			HttpResponse<String> response = this.rpc.postRaw("""
					{"jsonrpc": "2.0", "method": "explode", "id": 2}""");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(RpcTestClient.json(response.body())).isEqualTo(RpcTestClient.json("""
					{"jsonrpc": "2.0", "error": {"code": -32603, "message": "Internal error"}, "id": 2}"""));
			assertThat(response.body()).doesNotContain("secret", "IllegalState", "Exception", "at ");
			assertThat(logs.text()).startsWith("ERROR Unexpected failure of JSON-RPC method explode")
				.contains("java.lang.IllegalStateException: secret detail")
				.contains("at dev.rpcchat.rpc.SampleApplication$SampleServiceImplementation.explode");
		}
	}

	@Test
	void answersResultThatCannotBeWrittenWithBareInternalErrorAndLogsItsTrace() {
		try (ExpectedLogs logs = ExpectedLogs.of(Answers.class)) {
			HttpResponse<String> response = this.rpc.postRaw("""
					{"jsonrpc": "2.0", "method": "unwritable", "id": 3}""");
			assertThat(RpcTestClient.json(response.body())).isEqualTo(RpcTestClient.json("""
					{"jsonrpc": "2.0", "error": {"code": -32603, "message": "Internal error"}, "id": 3}"""));
			assertThat(response.body()).doesNotContain("secret");
			assertThat(logs.text()).startsWith("ERROR The answer to a JSON-RPC call could not be written")
				.contains("secret detail of a getter");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "explode", "unwritable" })
	void answersFailedCallInBatchWithoutStoppingTheBatch(String method) {
		try (ExpectedLogs logs = ExpectedLogs.of(RpcErrorResolver.class, Answers.class)) {
			this.rpc.expect("""
					[{"jsonrpc": "2.0", "method": "%s", "id": 1}, {"jsonrpc": "2.0", "method": "noop", "id": 2}]"""
				.formatted(method), """
						[{"jsonrpc": "2.0", "error": {"code": -32603, "message": "Internal error"}, "id": 1},
						 {"jsonrpc": "2.0", "result": true, "id": 2}]""");
			assertThat(logs.text()).startsWith("ERROR");
		}
	}

}
