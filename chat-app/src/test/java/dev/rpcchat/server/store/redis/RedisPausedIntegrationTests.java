package dev.rpcchat.server.store.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.FreePort;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.rpcchat.server.ChatServerApplication;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chat-app whose redis-server is paused ({@code kill -STOP}): calls fail within the
 * command timeout with error 1011, health and readiness say so at once, nothing logs a
 * trace, and all works again when Redis resumes.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisPausedIntegrationTests {

	/**
	 * Far beyond the 2 s command timeout: a call still waiting then waits for Redis, and
	 * fails the test.
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();

	private Process redis;

	private ConfigurableApplicationContext instance;

	private RpcTestClient client;

	private int port;

	@BeforeEach
	void startRedisAndAnInstance() throws Exception {
		int redisPort = FreePort.find();
		this.redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> accepts(redisPort));
		this.instance = new SpringApplicationBuilder(ChatServerApplication.class).run("--server.port=0",
				"--chat.store=redis", "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
				"--chat.binder.url=http://127.0.0.1:1/rpc");
		this.port = this.instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.client = RpcTestClient.to(this.port).withTimeout(PATIENCE);
	}

	@AfterEach
	void stop() throws Exception {
		signal("CONT");
		if (this.instance != null) {
			this.instance.close();
		}
		this.redis.destroy();
		this.redis.waitFor();
	}

	@Test
	void callsFailFastWithAClearErrorAndHealthSaysRedisIsDownUntilItResumes(CapturedOutput output) throws Exception {
		String ana = this.client.register("ana");
		this.client.result(ana, "create_room", params("room_name", "sala"));
		this.client.result(ana, "join_room", params("username", "ana", "room_name", "sala"));
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		signal("STOP");
		assertThat(this.client.errorCode(null, "list_rooms", null)).isEqualTo(1011);
		assertThat(this.client.errorCode(ana, "send_message",
				params("username", "ana", "room_name", "sala", "message", "oi")))
			.isEqualTo(1011);
		assertThat(this.client.errorCode(ana, "receive_messages",
				params("username", "ana", "room_name", "sala", "wait_seconds", 1)))
			.isEqualTo(1011);
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("OUT_OF_SERVICE");
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"redis\":{\"status\":\"DOWN\"");
		signal("CONT");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));
		assertThat(
				this.client.result(ana, "send_message", params("username", "ana", "room_name", "sala", "message", "oi"))
					.get("content")
					.asText())
			.isEqualTo("oi");
		assertThat(output).doesNotContain("\tat ").contains("Redis cannot be reached");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(PATIENCE)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void signal(String signal) throws Exception {
		new ProcessBuilder("kill", "-" + signal, String.valueOf(this.redis.pid())).inheritIO().start().waitFor();
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
