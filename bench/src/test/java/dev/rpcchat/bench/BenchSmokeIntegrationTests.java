package dev.rpcchat.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpcchat.test.AppProcess;
import dev.rpcchat.test.RpcTestClient;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.rpcchat.rpc.tomcat.CompactHttp11NioProtocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A few seconds of every scenario against a binder and a chat-app (the built jars, each a
 * process of its own) and the no-op server started here: the tool works end to end. No
 * figure is asserted.
 */
class BenchSmokeIntegrationTests {

	/** The settings each server shows, so that the no-op server's can be compared. */
	private static final String[] SHOW_SETTINGS = { "--management.endpoints.web.exposure.include=configprops",
			"--management.endpoint.configprops.show-values=always" };

	private static AppProcess binder;

	private static AppProcess chatApp;

	private static String binderUrl;

	private static ConfigurableApplicationContext noopServer;

	@TempDir
	Path directory;

	@BeforeAll
	static void startBinderChatAppAndNoopServer() throws RpcCallException {
		binder = AppProcess.binder();
		binderUrl = binder.rpcUrl().toString();
		List<String> chatArguments = new ArrayList<>(
				List.of("--chat.binder.url=" + binderUrl, "--chat.messages.per-second=0",
						"--chat.limits.registrations-per-minute=0", "--chat.limits.rooms-per-minute=0"));
		chatArguments.addAll(List.of(SHOW_SETTINGS));
		chatApp = AppProcess.chat(chatArguments.toArray(String[]::new));
		List<String> noopArguments = new ArrayList<>(List.of("--serve-noop", "--binder", binderUrl, "--server.port=0"));
		noopArguments.addAll(List.of(SHOW_SETTINGS));
		noopServer = NoopServerApplication.serve(noopArguments.toArray(String[]::new));
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			try (RpcClient client = new RpcClient(new RawHttpTransport(URI.create(binderUrl)))) {
				client.invoke("lookup_procedure", Map.of("procedure_name", "send_message"), null);
			}
		});
	}

	@AfterAll
	static void stopThem() {
		if (noopServer != null) {
			noopServer.close();
		}
		if (chatApp != null) {
			chatApp.stop();
		}
		if (binder != null) {
			binder.stop();
		}
	}

	/**
	 * The chat server runs in a JVM of its own, so its Tomcat is compared through what
	 * both servers bound: every {@code server.*} and {@code rpc.*} setting (where the web
	 * defaults and the Tomcat tricks are switched) is the same; the no-op server's
	 * Tomcat, seen here, has them.
	 */
	@Test
	void servesTheNoopCeilingOnTheChatServersTomcatSettings() {
		JsonNode chat = settings(chatApp.port());
		JsonNode noop = settings(port(noopServer));
		assertThat(chat.get("server")).isNotNull();
		assertThat(noop).isEqualTo(chat);
		AbstractHttp11Protocol<?> protocol = protocol(noopServer);
		assertThat(protocol).isInstanceOf(CompactHttp11NioProtocol.class);
		assertThat(protocol.getMaxHttpRequestHeaderSize()).isEqualTo(4096);
		assertThat(protocol.getMaxHttpResponseHeaderSize()).isEqualTo(1024);
		assertThat(protocol.getMaxConnections()).isEqualTo(20_000);
		assertThat(protocol.getMaxSwallowSize()).isEqualTo(64 * 1024 * 1024);
		assertThat(protocol.getProperty("socket.appReadBufSize")).isEqualTo("1024");
		assertThat(protocol.getProperty("socket.appWriteBufSize")).isEqualTo("2048");
	}

	/**
	 * The properties a server bound under the prefixes {@code server} and {@code rpc.*},
	 * by prefix, from its {@code /actuator/configprops}.
	 */
	private static JsonNode settings(int port) {
		HttpResponse<String> response = RpcTestClient.to(port)
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/configprops")));
		assertThat(response.statusCode()).isEqualTo(200);
		ObjectNode settings = JsonNodeFactory.instance.objectNode();
		for (JsonNode context : RpcTestClient.json(response.body()).path("contexts")) {
			for (JsonNode bean : context.path("beans")) {
				String prefix = bean.path("prefix").asText();
				if (prefix.equals("server") || prefix.equals("rpc") || prefix.startsWith("rpc.")) {
					settings.set(prefix, withoutPort(bean.path("properties")));
				}
			}
		}
		return settings;
	}

	private static JsonNode withoutPort(JsonNode properties) {
		ObjectNode copy = properties.deepCopy();
		copy.remove("port");
		return copy;
	}

	@Test
	void measuresTheNoopCeilingAndComparesSendsWithIt() throws Exception {
		Path ceiling = this.directory.resolve("noop.json");
		LatencyReport noop = run("--scenario", "noop", "--users", "2");
		Files.writeString(ceiling, noop.toJson());
		assertSucceeded(noop, "noop");
		LatencyReport send = run("--scenario", "send", "--users", "4", "--rooms", "2", "--ceiling", ceiling.toString());
		assertSucceeded(send, "send_message");
		assertThat(send.baselines()).extracting(LatencyReport.Baseline::label).containsExactly("noop");
		assertThat(send.toTable()).contains("vs noop");
	}

	@Test
	void readsAndJoinsRoomsThatHoldHistory() throws Exception {
		assertSucceeded(run("--scenario", "receive", "--users", "2", "--history", "500"), "receive_messages");
		assertSucceeded(run("--scenario", "join", "--users", "2", "--history", "300"), "join_room");
		assertSucceeded(run("--scenario", "join", "--users", "2", "--history", "60", "--join-mode", "rejoin"),
				"join_room");
	}

	@Test
	void pagesThroughARoomsHistoryAndComparesTheDeepestPageWithTheNewest() throws Exception {
		LatencyReport report = run("--scenario", "history", "--users", "2", "--history", "1000");
		assertSucceeded(report, "get_history deepest page");
		assertThat(report.series()).extracting(LatencyReport.Series::name)
			.containsExactly("get_history deepest page", "get_history newest page", "get_history every page");
		// 1,000 messages, the joins of 8 fillers and 2 users, 50 a page
		assertThat(report.series().get(2).count()).isEqualTo(21);
		assertThat(report.notes()).anySatisfy((note) -> assertThat(note).startsWith("deepest vs newest page: p50 x"));
	}

	@Test
	void measuresDeliveryToLongPollersAtAFixedRate() throws Exception {
		LatencyReport report = run("--scenario", "delivery", "--users", "2", "--receivers", "2", "--rate", "50");
		assertSucceeded(report, "delivery (from send return)");
		assertThat(report.series()).extracting(LatencyReport.Series::name)
			.containsExactly("delivery (from send return)", "delivery (from send start)", "send_message");
	}

	@Test
	void answersEveryLongPollerWhenAMessageArrives() throws Exception {
		LatencyReport report = run("--scenario", "longpoll", "--users", "40", "--rooms", "2");
		assertSucceeded(report, "long poll answered");
		assertThat(report.notes().get(0)).contains("(0 missing)");
	}

	@Test
	void pushesToSubscribedWebSocketsWithNothingLostDoubledOrOutOfOrder() throws Exception {
		for (String scenario : List.of("ws-fanout", "ws-hot")) {
			LatencyReport report = run("--scenario", scenario, "--users", "20", "--rooms", "2", "--rate", "20");
			assertSucceeded(report, "delivery (from send return)");
			assertThat(report.notes())
				.anySatisfy((note) -> assertThat(note).contains("0 lost, 0 doubled, 0 out of order"));
		}
	}

	@Test
	void callsOverWebSockets() throws Exception {
		assertSucceeded(run("--scenario", "ws-send", "--users", "2"), "send_message (WebSocket)");
		assertSucceeded(run("--scenario", "ws-receive", "--users", "2"), "receive_messages (WebSocket)");
	}

	@Test
	void measuresOtherUsersBesideMaximalRequestsAndAlone() throws Exception {
		LatencyReport report = run("--scenario", "max-batch", "--users", "2");
		assertSucceeded(report, "send/receive beside maximal requests");
		assertThat(report.series()).extracting(LatencyReport.Series::name)
			.containsExactly("send/receive beside maximal requests", "send/receive alone", "maximal request");
		assertThat(report.series().get(2).count()).isPositive();
		assertThat(report.notes().get(0)).contains("HTTP 200").contains("100 joins of up to 50 messages, 0 errors");
	}

	@Test
	void worksThroughTheJdkHttpClientToo() throws Exception {
		assertSucceeded(run("--scenario", "send", "--users", "2", "--client", "jdk"), "send_message");
	}

	private static AbstractHttp11Protocol<?> protocol(ConfigurableApplicationContext context) {
		TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
		return (AbstractHttp11Protocol<?>) server.getTomcat().getConnector().getProtocolHandler();
	}

	private static LatencyReport run(String... scenario) throws Exception {
		List<String> args = new ArrayList<>(List.of("--binder", binderUrl, "--duration", "1s", "--warmup", "1s"));
		args.addAll(List.of(scenario));
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		LatencyReport report = new LoadGenerator(BenchOptions.parse(args.toArray(String[]::new)),
				new PrintStream(progress, true, StandardCharsets.UTF_8))
			.run();
		assertThat(progress.toString(StandardCharsets.UTF_8)).isNotEmpty();
		return report;
	}

	private static void assertSucceeded(LatencyReport report, String headline) {
		LatencyReport.Series first = report.series().get(0);
		assertThat(first.name()).isEqualTo(headline);
		assertThat(first.count()).isPositive();
		assertThat(report.series()).allSatisfy((series) -> assertThat(series.errors()).isEmpty());
		assertThat(report.toTable()).contains(headline);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
