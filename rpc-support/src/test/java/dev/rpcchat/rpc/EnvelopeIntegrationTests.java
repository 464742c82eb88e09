package dev.rpcchat.rpc;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.rpcchat.test.ExpectedLogs;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The envelope rules of protocol.md beyond the specification's examples, over real HTTP.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EnvelopeIntegrationTests {

	private static final String INVALID_REQUEST_NULL_ID = """
			{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}""";

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	@BeforeEach
	void connect() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void answersRequestWhoseIdIsNull() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [5, 3], "id": null}""", """
				{"jsonrpc": "2.0", "result": 2, "id": null}""");
	}

	@Test
	void echoesFractionalAndLargeNumericIdsExactly() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": 12345678901234567890}""", """
				{"jsonrpc": "2.0", "result": true, "id": 12345678901234567890}""");
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": 1.5}""", """
				{"jsonrpc": "2.0", "result": true, "id": 1.5}""");
		HttpResponse<String> huge = this.rpc.postRaw("""
				{"jsonrpc": "2.0", "method": "noop", "id": 1e400}""");
		assertThat(huge.body()).containsIgnoringCase("\"id\":1E+400");
	}

	@Test
	void answersVoidMethodWithNullResult() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "notify_hello", "params": [1], "id": 7}""", """
				{"jsonrpc": "2.0", "result": null, "id": 7}""");
	}

	@Test
	void neverAnswersFailingNotifications() {
		try (ExpectedLogs logs = ExpectedLogs.of(RpcErrorResolver.class)) {
			this.rpc.expectNothing("""
					{"jsonrpc": "2.0", "method": "explode"}""");
			assertThat(logs.text()).startsWith("ERROR Unexpected failure of JSON-RPC method explode");
		}
		this.rpc.expectNothing("""
				{"jsonrpc": "2.0", "method": "subtract", "params": ["a", "b"]}""");
		this.rpc.expectNothing("""
				{"jsonrpc": "2.0", "method": "find_room", "params": ["geral"]}""");
		this.rpc.expectNothing("""
				{"jsonrpc": "2.0", "method": "nope", "params": {}}""");
	}

	@Test
	void answersBatchOfOneNotificationWithNothing() {
		this.rpc.expectNothing("""
				[{"jsonrpc": "2.0", "method": "notify_hello", "params": [1]}]""");
	}

	@Test
	void rejectsRequestWithoutVersion() {
		this.rpc.expect("""
				{"method": "subtract", "params": [2, 1], "id": 1}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": 1}""");
	}

	@Test
	void rejectsRequestWithWrongVersion() {
		this.rpc.expect("""
				{"jsonrpc": "1.0", "method": "subtract", "params": [2, 1], "id": "a"}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": "a"}""");
		this.rpc.expect("""
				{"jsonrpc": 2.0, "method": "subtract", "params": [2, 1], "id": null}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}""");
	}

	@Test
	void answersInvalidObjectWithoutIdAsRequestWithNullId() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "params": [2, 1]}""", INVALID_REQUEST_NULL_ID);
		this.rpc.expect("""
				{"method": "notify_hello", "params": [1]}""", INVALID_REQUEST_NULL_ID);
	}

	@Test
	void answersIdThatIsNeitherStringNorNumberWithNullId() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": {"a": 1}}""", INVALID_REQUEST_NULL_ID);
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": [1]}""", INVALID_REQUEST_NULL_ID);
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": true}""", INVALID_REQUEST_NULL_ID);
	}

	@Test
	void rejectsNullParams() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "params": null, "id": 3}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": 3}""");
	}

	@Test
	void rejectsParamsThatAreNeitherArrayNorObject() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "params": "bar", "id": 3}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": 3}""");
	}

	@Test
	void rejectsMethodThatIsNotString() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": null, "id": "x"}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": "x"}""");
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": ["noop"], "id": "x"}""", """
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": "x"}""");
	}

	@Test
	void answersUnknownMethodsIncludingReservedNames() {
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "rpc.nothing", "id": 1}""", """
				{"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": 1}""");
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "notifyHello", "params": [1], "id": 2}""", """
				{"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": 2}""");
	}

	@Test
	void answersScalarBodyAsInvalidRequest() {
		this.rpc.expect("42", INVALID_REQUEST_NULL_ID);
		this.rpc.expect("\"text\"", INVALID_REQUEST_NULL_ID);
		this.rpc.expect("null", INVALID_REQUEST_NULL_ID);
	}

	@Test
	void answersEmptyBodyAndTrailingGarbageAsParseError() {
		String parseError = """
				{"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null}""";
		this.rpc.expect("", parseError);
		this.rpc.expect("   ", parseError);
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": 1} {""", parseError);
	}

	@Test
	void acceptsAnyContentType() {
		String request = """
				{"jsonrpc": "2.0", "method": "subtract", "params": [9, 4], "id": 1}""";
		for (String type : new String[] { "text/plain", "application/x-www-form-urlencoded", "application/xml",
				"application/json; charset=utf-8", "multipart/form-data; boundary=x", "not a media type", "" }) {
			HttpResponse<String> response = this.rpc.postRaw(request, "Content-Type", type);
			assertThat(response.statusCode()).as(type).isEqualTo(200);
			assertThat(RpcTestClient.json(response.body())).as(type).isEqualTo(RpcTestClient.json("""
					{"jsonrpc": "2.0", "result": 5, "id": 1}"""));
		}
		HttpResponse<String> untyped = this.rpc.postRaw(request);
		assertThat(RpcTestClient.json(untyped.body()).get("result").intValue()).isEqualTo(5);
	}

	@Test
	void answersAnyAcceptHeaderWithJson() {
		HttpResponse<String> response = this.rpc.postRaw("""
				{"jsonrpc": "2.0", "method": "noop", "id": 1}""", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@Test
	void refusesOtherHttpMethodsWithoutFrameworkMessage() {
		HttpResponse<String> response = this.rpc.send(HttpRequest.newBuilder(this.rpc.uri()).GET());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		assertThat(response.body()).isEmpty();
	}

}
