package dev.rpcchat.rpc;

import java.net.http.HttpResponse;

import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that is valid JSON but no text or number a server can keep: unpaired UTF-16
 * surrogates and numbers too large to read are refused with a clear error before any
 * method runs, the answer can always be written, and nothing of it reaches the log above
 * DEBUG.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIntegrationTests {

	private static final String NOT_UNICODE = "is not valid Unicode text: it has an unpaired UTF-16 surrogate";

	private static final String PARSE_ERROR = """
			{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}""";

	@LocalServerPort
	int port;

	@Autowired
	SampleApplication.SampleServiceImplementation service;

	RpcTestClient rpc;

	@BeforeEach
	void connect() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\ud800", "\\udc00", "abc\\ud83d", "\\ude00\\ud83d", "\\ud83d\\ud83d\\ude00" })
	void refusesAStringParamWithAnUnpairedSurrogateBeforeTheMethodRuns(String text) {
		int kept = this.service.remembered.size();
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "remember", "params": {"text": "%s"}, "id": 1}""".formatted(text), """
				{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'text' %s"}, "id": 1}"""
			.formatted(NOT_UNICODE));
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "remember", "params": ["%s"], "id": 2}""".formatted(text), """
				{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'text' %s"}, "id": 2}"""
			.formatted(NOT_UNICODE));
		assertThat(this.service.remembered).hasSize(kept);
	}

	@Test
	void refusesAnUnpairedSurrogateNestedDeepInAParam() {
		int kept = this.service.remembered.size();
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "remember", "params": {"text": "fine", "tags": {"a": ["ok", "\\ud800"]}},
				 "id": 1}""", """
				{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'tags' %s"}, "id": 1}"""
			.formatted(NOT_UNICODE));
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "typed", "params": {"tags": ["a", "\\udfff"]}, "id": 2}""", """
				{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'tags' %s"}, "id": 2}"""
			.formatted(NOT_UNICODE));
		assertThat(this.service.remembered).hasSize(kept);
	}

	@Test
	void keepsPairedSurrogatesSuchAsEmoji() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "find_room", "params": ["\\ud83d\\ude00 and 😀"], "id": 1}""", """
				{"jsonrpc": "2.0", "id": 1, "error": {"code": 1004, "message": "There is no room named 😀 and 😀.",
				 "data": {"reason": "ROOM_NOT_FOUND", "room_name": "😀 and 😀"}}}""");
	}

	@Test
	void refusesANotificationWithAnUnpairedSurrogateWithoutRunningIt() {
		int kept = this.service.remembered.size();
		this.rpc.expectNothing("""
				{"jsonrpc": "2.0", "method": "remember", "params": ["\\ud800"]}""");
		assertThat(this.service.remembered).hasSize(kept);
	}

	@Test
	void answersAnIdWithAnUnpairedSurrogateAsInvalidRequestWithNullId() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": "\\udc00"}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}""");
		int kept = this.service.remembered.size();
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "remember", "params": ["x"], "id": "a\\ud800"}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}""");
		assertThat(this.service.remembered).hasSize(kept);
	}

	@Test
	void answersAMethodNameWithAnUnpairedSurrogateAsInvalidRequest() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop\\ud800", "id": 7}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": 7}""");
	}

	@Test
	void answersEveryOtherCallOfABatchAroundAnUnpairedSurrogate() {
		this.rpc.expect("""
				[{"jsonrpc": "2.0", "method": "subtract", "params": [5, 3], "id": 1},
				 {"jsonrpc": "2.0", "method": "remember", "params": ["\\ud800"], "id": 2},
				 {"jsonrpc": "2.0", "method": "noop", "id": "\\ud800"},
				 {"jsonrpc": "2.0", "method": "noop", "id": 4}]""", """
				[{"jsonrpc": "2.0", "result": 2, "id": 1},
				 {"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'text' %s"}, "id": 2},
				 {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
				 {"jsonrpc": "2.0", "result": true, "id": 4}]""".formatted(NOT_UNICODE));
	}

	@Test
	void answersAMemberNameWithAnUnpairedSurrogateAsParseErrorAndIgnoresMembersOutsideTheRequest(
			CapturedOutput output) {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "remember", "params": {"text\\ud800": "x"}, "id": 1}""", PARSE_ERROR);
		this.rpc
			.expect("""
					{"jsonrpc": "2.0", "method": "remember", "params": {"text": "x", "tags": {"\\udc00": ["y"]}}, "id": 1}""",
					PARSE_ERROR);
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": 1, "extra": "\\ud800"}""", """
				{"jsonrpc": "2.0", "result": true, "id": 1}""");
		assertThat(output).doesNotContain(" ERROR ").doesNotContain(" WARN ");
	}

	@Test
	void answersANumberTooLargeToReadAnywhereAsParseErrorWithoutLoggingIt(CapturedOutput output) {
		int kept = this.service.remembered.size();
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": 1e99999999999}""", PARSE_ERROR);
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [1e99999999999, 1], "id": 1}""", PARSE_ERROR);
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "remember", "params": ["x"], "id": 1, "other": -1e-99999999999}""",
				PARSE_ERROR);
		this.rpc.expect("""
				[{"jsonrpc": "2.0", "method": "remember", "params": ["x"], "id": 1},
				 {"jsonrpc": "2.0", "method": "noop", "id": 1E+99999999999}]""", PARSE_ERROR);
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": %s}""".formatted("9".repeat(1001)), PARSE_ERROR);
		assertThat(this.service.remembered).hasSize(kept);
		assertThat(output).doesNotContain(" ERROR ")
			.doesNotContain(" WARN ")
			.doesNotContain("NumberFormatException")
			.doesNotContain("at com.fasterxml");
	}

	@Test
	void answersANumberOutsideItsParamsTypeAsInvalidParams(CapturedOutput output) {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [%s, 1], "id": 1}""".formatted("9".repeat(999)),
				"""
						{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'minuend' is out of range"}, "id": 1}""");
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "typed", "params": {"ratio": 1e999999999}, "id": 2}""",
				"""
						{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'ratio' is out of range"}, "id": 2}""");
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "typed", "params": {"after_id": 1e999999999}, "id": 3}""",
				"""
						{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'after_id' must be an integer"}, "id": 3}""");
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "text", "params": {"length": -1e400}, "id": 4}""",
				"""
						{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'length' must be an integer"}, "id": 4}""");
		assertThat(output).doesNotContain(" ERROR ").doesNotContain(" WARN ");
	}

	@Test
	void echoesLargeButReadableNumericIdsExactly() {
		String digits = "9".repeat(1000);
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": %s}""".formatted(digits), """
				{"jsonrpc": "2.0", "result": true, "id": %s}""".formatted(digits));
		HttpResponse<String> response = this.rpc.postRaw("""
				{"jsonrpc": "2.0", "method": "noop", "id": -1e999999999}""");
		assertThat(response.body()).containsIgnoringCase("\"id\":-1E+999999999");
	}

}
