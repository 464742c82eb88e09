package dev.rpcchat.server.binder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.ProcedureEntry;
import dev.rpcchat.api.ProcedureLocation;
import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.ChatServerApplication;
import dev.rpcchat.test.AppProcess;
import dev.rpcchat.test.FreePort;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real binder (the built jar, a process of its own) and a real chat server, on free
 * ports.
 */
class BinderRegistrationIntegrationTests {

	private static final String TOKEN = "binder-token-for-tests";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final int PROCEDURES = BinderRegistrar.procedureNames(ChatService.class).size();

	@Test
	void clientFindsEveryChatProcedureThroughTheBinderUntilTheChatServerShutsDown() throws Exception {
		try (AppProcess binderApp = startBinder(0)) {
			BinderService binder = binderClient(binderApp.port());
			ConfigurableApplicationContext chatApp = startChat(binderApp.port());
			try {
				assertFoundThroughTheBinder(binder, chatApp);
			}
			finally {
				chatApp.close();
			}
			assertThat(binder.listProcedures()).isEmpty();
		}
	}

	@Test
	void chatServerServesWithoutTheBinderAndRegistersOnceItComesUpAndAfterItRestarts() throws Exception {
		int binderPort = FreePort.find();
		try (ConfigurableApplicationContext chatApp = startChat(binderPort)) {
			int chatPort = port(chatApp);
			assertThat(health(chatPort, "binder")).isEqualTo(503);
			assertThat(health(chatPort, "liveness")).isEqualTo(200);
			assertThat(health(chatPort, "readiness")).isEqualTo(200);
			assertThat(post("http://localhost:" + chatPort + "/rpc",
					"{\"jsonrpc\":\"2.0\",\"method\":\"list_rooms\",\"id\":1}"))
				.contains("\"result\":[");
			BinderService binder = binderClient(binderPort);
			try (AppProcess binderApp = startBinder(binderPort)) {
				await().atMost(PATIENCE).untilAsserted(() -> assertThat(registeredPorts(binder)).hasSize(PROCEDURES));
				await().atMost(PATIENCE).untilAsserted(() -> assertThat(health(chatPort, "binder")).isEqualTo(200));
			}
			try (AppProcess restartedBinderApp = startBinder(binderPort)) {
				await().atMost(PATIENCE)
					.untilAsserted(
							() -> assertThat(registeredPorts(binder)).hasSize(PROCEDURES).containsOnly(chatPort));
			}
		}
	}

	private static void assertFoundThroughTheBinder(BinderService binder, ConfigurableApplicationContext chatApp)
			throws Exception {
		int chatPort = port(chatApp);
		List<String> procedures = BinderRegistrar.procedureNames(ChatService.class);
		assertThat(procedures).contains("register_user", "receive_messages", "get_history")
			.doesNotContain("rpc.discover");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(binder.listProcedures()).hasSize(PROCEDURES));
		for (String procedure : procedures) {
			ProcedureLocation location = binder.lookupProcedure(procedure);
			assertThat(location.address()).isEqualTo("127.0.0.1");
			assertThat(location.port()).isEqualTo(chatPort);
		}
		assertThat(binder.listProcedures()).allSatisfy((entry) -> assertThat(entry.expiresAt()).isNotNull());
		String listRoomsAnswer = post(binder.lookupProcedure("list_rooms").rpcUrl(),
				"{\"jsonrpc\":\"2.0\",\"method\":\"list_rooms\",\"id\":1}");
		assertThat(listRoomsAnswer).contains("\"result\":[");
		assertThat(health(chatPort, "binder")).isEqualTo(200);
	}

	private static List<Integer> registeredPorts(BinderService binder) {
		return binder.listProcedures().stream().map(ProcedureEntry::port).toList();
	}

	private static AppProcess startBinder(int port) {
		return AppProcess.binder("--server.port=" + port, "--binder.token=" + TOKEN);
	}

	private static ConfigurableApplicationContext startChat(int binderPort) {
		return new SpringApplicationBuilder(ChatServerApplication.class).run("--server.port=0",
				"--chat.binder.url=http://localhost:" + binderPort + "/rpc", "--chat.binder.token=" + TOKEN,
				"--chat.registration.ttl=3s", "--management.endpoint.health.group.binder.include=binderRegistration");
	}

	private static BinderService binderClient(int binderPort) {
		return BinderRegistrationConfiguration
			.binderClient(new ChatProperties.Binder(URI.create("http://localhost:" + binderPort + "/rpc"), null));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int health(int port, String component) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/" + component))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String post(String url, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
