package dev.rpcchat.rpc;

import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Params are checked against the contract before the call: by name and by position, with
 * a sentence naming the parameter when they do not fit.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class InvalidParamsIntegrationTests {

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	@BeforeEach
	void connect() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void acceptsOptionalParamsAbsentOrNullByNameAndByPosition() {
		expectResult("""
				{"procedure_name": "join_room", "address": "127.0.0.1", "port": 8080}""", "true");
		expectResult("""
				{"procedure_name": "join_room", "address": "127.0.0.1", "port": 8080, "ttl_seconds": null}""", "true");
		expectResult("""
				["join_room", "127.0.0.1", 8080]""", "true");
		expectResult("""
				["join_room", "127.0.0.1", 8080, 30]""", "true");
	}

	@Test
	void rejectsUnknownNamedParameter() {
		expectInvalid("""
				{"procedure_name": "x", "address": "h", "port": 1, "colour": "red"}""",
				"Invalid params: 'register_procedure' has no parameter 'colour'");
	}

	@Test
	void rejectsMissingRequiredParameter() {
		expectInvalid("""
				{"procedure_name": "x", "address": "h"}""", "Invalid params: 'port' is required");
		expectInvalid("""
				["x", "h"]""", "Invalid params: 'port' is required");
		expectInvalid("{}", "Invalid params: 'procedure_name' is required");
	}

	@Test
	void rejectsNullForRequiredParameter() {
		expectInvalid("""
				{"procedure_name": null, "address": "h", "port": 1}""",
				"Invalid params: 'procedure_name' must not be null");
		expectInvalid("""
				["x", "h", null]""", "Invalid params: 'port' must not be null");
	}

	@Test
	void rejectsTooManyPositionalParameters() {
		expectInvalid("""
				["x", "h", 1, 2, 3]""", "Invalid params: 'register_procedure' takes at most 4 parameters, not 5");
	}

	@Test
	void rejectsStringWhereIntegerIsExpected() {
		expectInvalid("""
				{"procedure_name": "x", "address": "h", "port": "5000"}""",
				"Invalid params: 'port' must be an integer");
	}

	@Test
	void rejectsFractionWhereIntegerIsExpected() {
		expectInvalid("""
				{"procedure_name": "x", "address": "h", "port": 5000.5}""",
				"Invalid params: 'port' must be an integer");
		expectInvalid("""
				{"procedure_name": "x", "address": "h", "port": 1e3}""", "Invalid params: 'port' must be an integer");
	}

	@Test
	void rejectsIntegerOutOfRange() {
		expectInvalid("""
				{"procedure_name": "x", "address": "h", "port": 2147483648}""",
				"Invalid params: 'port' is out of range");
	}

	@Test
	void rejectsNumberOrBooleanWhereStringIsExpected() {
		expectInvalid("""
				[42, "h", 1]""", "Invalid params: 'procedure_name' must be a string");
		expectInvalid("""
				["x", true, 1]""", "Invalid params: 'address' must be a string");
		expectInvalid("""
				["x", {"host": "h"}, 1]""", "Invalid params: 'address' must be a string");
	}

	@Test
	void rejectsWrongTypesOfOtherKinds() {
		expectTyped("""
				{"after_id": 9223372036854775808}""", "Invalid params: 'after_id' is out of range");
		expectTyped("""
				{"flag": "true"}""", "Invalid params: 'flag' must be a boolean");
		expectTyped("""
				{"ratio": "0.5"}""", "Invalid params: 'ratio' must be a number");
		expectTyped("""
				{"tags": "a"}""", "Invalid params: 'tags' must be an array of strings");
		expectTyped("""
				{"type": "BROADCAST"}""", "Invalid params: 'type' must be one of broadcast, unicast, system");
	}

	@Test
	void convertsParamsOfOtherKinds() {
		this.rpc.expect(
				"""
						{"jsonrpc": "2.0", "method": "typed", "id": 1,
						 "params": {"after_id": 9007199254740993, "flag": false, "ratio": 1, "tags": ["a", "b"], "type": "unicast"}}
						""",
				"""
						{"jsonrpc": "2.0", "result": "9007199254740993 false 1.0 [a, b] UNICAST", "id": 1}""");
	}

	@Test
	void answersInvalidParamsExceptionOfTheService() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "wait_for", "params": {"wait_seconds": 31}, "id": 1}""",
				"""
						{"jsonrpc": "2.0", "error": {"code": -32602, "message": "wait_seconds must be between 0 and 30."}, "id": 1}""");
	}

	@Test
	void rejectsParamsForMethodWithoutParameters() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "params": [1], "id": 1}""",
				"""
						{"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: 'noop' takes no parameters, not 1"}, "id": 1}""");
	}

	private void expectResult(String params, String result) {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "register_procedure", "params": %s, "id": 1}""".formatted(params), """
				{"jsonrpc": "2.0", "result": %s, "id": 1}""".formatted(result));
	}

	private void expectInvalid(String params, String message) {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "register_procedure", "params": %s, "id": 1}""".formatted(params), """
				{"jsonrpc": "2.0", "error": {"code": -32602, "message": "%s"}, "id": 1}""".formatted(message));
	}

	private void expectTyped(String params, String message) {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "typed", "params": %s, "id": 1}""".formatted(params), """
				{"jsonrpc": "2.0", "error": {"code": -32602, "message": "%s"}, "id": 1}""".formatted(message));
	}

}
