package dev.rpcchat.rpc;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over 1 MiB are read, discarded and refused with -32600, and the service goes on.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class LargeBodyIntegrationTests {

	private static final int MIB = 1024 * 1024;

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	@BeforeEach
	void connect() {
		this.rpc = RpcTestClient.to(this.port);
	}

	@Test
	void refusesTenMebibyteBodyAndKeepsServing() {
		assertRefused(request(10 * MIB));
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [3, 1], "id": 1}""", """
				{"jsonrpc": "2.0", "result": 2, "id": 1}""");
	}

	@Test
	void refusesSixteenMebibyteBodyAndKeepsServing() {
		assertRefused(request(16 * MIB));
		this.rpc.expect("""
				{"jsonrpc": "2.0", "method": "noop", "id": 2}""", """
				{"jsonrpc": "2.0", "result": true, "id": 2}""");
	}

	@Test
	void refusesBodyOneByteOverTheLimit() {
		assertRefused(request(MIB + 1));
	}

	@Test
	void servesBodyOfExactlyOneMebibyte() {
		byte[] body = request(MIB);
		HttpResponse<String> response = post(body);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(RpcTestClient.json(response.body())).isEqualTo(RpcTestClient.json("""
				{"jsonrpc": "2.0", "result": true, "id": 1}"""));
	}

	private void assertRefused(byte[] body) {
		HttpResponse<String> response = post(body);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(RpcTestClient.json(response.body())).isEqualTo(RpcTestClient.json("""
				{"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": null}"""));
	}

	private HttpResponse<String> post(byte[] body) {
		return this.rpc.send(HttpRequest.newBuilder(this.rpc.uri()).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
				"Content-Type", "application/json");
	}

	/**
	 * A valid request padded with spaces to exactly the given size.
	 */
	private static byte[] request(int size) {
		byte[] call = """
				{"jsonrpc": "2.0", "method": "noop", "id": 1}""".getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) ' ');
		System.arraycopy(call, 0, body, 0, call.length);
		return body;
	}

}
