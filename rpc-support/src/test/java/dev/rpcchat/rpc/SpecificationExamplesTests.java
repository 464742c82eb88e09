package dev.rpcchat.rpc;

import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The twelve examples of the JSON-RPC 2.0 specification, each exchange exactly as it is
 * written there, over real HTTP.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SpecificationExamplesTests {

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
	void answersCallWithPositionalParameters() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1}""", """
				{"jsonrpc": "2.0", "result": 19, "id": 1}""");
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [23, 42], "id": 2}""", """
				{"jsonrpc": "2.0", "result": -19, "id": 2}""");
	}

	@Test
	void answersCallWithNamedParameters() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": {"subtrahend": 23, "minuend": 42}, "id": 3}""", """
				{"jsonrpc": "2.0", "result": 19, "id": 3}""");
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": {"minuend": 42, "subtrahend": 23}, "id": 4}""", """
				{"jsonrpc": "2.0", "result": 19, "id": 4}""");
	}

	@Test
	void runsNotificationsWithoutAnsweringThem() {
		int before = this.service.notifications.get();
		this.rpc.expectNothing("""
				{"jsonrpc": "2.0", "method": "update", "params": [1,2,3,4,5]}""");
		this.rpc.expectNothing("""
				{"jsonrpc": "2.0", "method": "foobar"}""");
		assertThat(this.service.notifications.get()).isEqualTo(before + 1);
	}

	@Test
	void answersCallOfNonExistentMethod() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "foobar", "id": "1"}""", """
				{"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "1"}""");
	}

	@Test
	void answersCallWithInvalidJson() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]""", """
				{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}""");
	}

	@Test
	void answersCallWithInvalidRequestObject() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": 1, "params": "bar"}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}""");
	}

	@Test
	void answersBatchWithInvalidJson() {
		this.rpc.expect("""
				[
				  {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
				  {"jsonrpc": "2.0", "method"
				]""", """
				{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}""");
	}

	@Test
	void answersEmptyArrayWithOneError() {
		this.rpc.expect("[]", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}""");
	}

	@Test
	void answersInvalidButNotEmptyBatch() {
		this.rpc.expect("[1]", """
				[
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}
				]""");
	}

	@Test
	void answersInvalidBatch() {
		this.rpc.expect("[1,2,3]", """
				[
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}
				]""");
	}

	@Test
	void answersBatchOfRequestsAndNotifications() {
		this.rpc.expect("""
				[
				  {"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},
				  {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]},
				  {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"},
				  {"foo": "boo"},
				  {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"},
				  {"jsonrpc": "2.0", "method": "get_data", "id": "9"}
				]""", """
				[
				  {"jsonrpc": "2.0", "result": 7, "id": "1"},
				  {"jsonrpc": "2.0", "result": 19, "id": "2"},
				  {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null},
				  {"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "5"},
				  {"jsonrpc": "2.0", "result": ["hello", 5], "id": "9"}
				]""");
	}

	@Test
	void answersNothingToBatchOfNotifications() {
		int before = this.service.notifications.get();
		this.rpc.expectNothing("""
				[
				  {"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]},
				  {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}
				]""");
		assertThat(this.service.notifications.get()).isEqualTo(before + 2);
	}

}
