package dev.rpcchat.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.AppProcess;
import dev.rpcchat.test.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two chat-apps on one real Redis behind one binder (the built jars, each a process of
 * its own); the one the bench talks to is killed ({@code SIGKILL}) in the middle of a
 * delivery run. The bench goes on through the other, and no message is lost, stored twice
 * or read twice.
 */
class BenchFailoverIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static final String PROCEDURE = "receive_messages";

	private static TestRedis redis;

	private static AppProcess binder;

	private static AppProcess survivor;

	private static AppProcess victim;

	private static String binderUrl;

	private static URI survivorUrl;

	private static URI victimUrl;

	@BeforeAll
	static void startRedisABinderAndTwoChatApps() {
		redis = TestRedis.start();
		binder = AppProcess.binder();
		binderUrl = binder.rpcUrl().toString();
		survivor = AppProcess.chat(chatAppArguments());
		survivorUrl = survivor.rpcUrl();
		victim = AppProcess.chat(chatAppArguments());
		victimUrl = await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> providers().stream().filter((url) -> !url.equals(survivorUrl)).findFirst().orElse(null),
					(url) -> url != null);
	}

	@AfterAll
	static void stopThem() {
		for (AppProcess app : new AppProcess[] { victim, survivor, binder }) {
			if (app != null) {
				app.kill();
			}
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void goesOnThroughTheOtherServerWhenOneIsKilledLosingAndDoublingNothing() throws Exception {
		pointTheBindersNextAnswerAtTheVictim();
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		BenchOptions options = BenchOptions.parse("--binder", binderUrl, "--scenario", "delivery", "--users", "4",
				"--rooms", "2", "--receivers", "2", "--rate", "100", "--warmup", "1s", "--duration", "5s");
		CompletableFuture<LatencyReport> run = CompletableFuture.supplyAsync(() -> {
			try {
				return new LoadGenerator(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		await().atMost(PATIENCE).until(() -> progress.toString(StandardCharsets.UTF_8).contains("measure"));
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("served at " + victimUrl);
		victim.kill();
		LatencyReport report = run.get(2, TimeUnit.MINUTES);
		System.out.print(report.toTable());
		assertThat(report.failovers().calls()).isPositive();
		assertThat(report.failovers().moves()).containsOnlyKeys(victimUrl + " -> " + survivorUrl);
		assertThat(report.failovers().failedAgain()).isZero();
		DeliveryCheck.Summary messages = report.messages();
		assertThat(messages.acknowledged()).isPositive();
		assertThat(messages.readers()).isEqualTo(4);
		assertThat(messages.lost()).isZero();
		assertThat(messages.storedTwice()).isZero();
		assertThat(messages.readTwice()).isZero();
		assertThat(report.series()).allSatisfy((series) -> assertThat(series.errors()).isEmpty());
		assertThat(report.toTable()).contains("failovers: ").contains("0 lost, 0 stored twice, 0 read twice");
		// The dead server's entries go with its lease.
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(providers()).containsExactly(survivorUrl));
	}

	/**
	 * The binder hands the two servers out in turn, and the bench asks once: make its
	 * turn the victim's.
	 */
	private static void pointTheBindersNextAnswerAtTheVictim() throws RpcCallException {
		try (RpcClient binder = new RpcClient(new RawHttpTransport(URI.create(binderUrl)))) {
			URI answer;
			do {
				JsonNode location = binder.call("lookup_procedure", Map.of("procedure_name", PROCEDURE), null);
				answer = URI.create(
						"http://" + location.path("address").asText() + ":" + location.path("port").asInt() + "/rpc");
			}
			while (!answer.equals(survivorUrl));
		}
	}

	private static List<URI> providers() throws RpcCallException {
		try (RpcClient binder = new RpcClient(new RawHttpTransport(URI.create(binderUrl)))) {
			List<URI> providers = new ArrayList<>();
			for (JsonNode entry : binder.call("list_procedures", Map.of(), null)) {
				if (entry.path("procedure_name").asText().equals(PROCEDURE)) {
					providers.add(URI.create(
							"http://" + entry.path("address").asText() + ":" + entry.path("port").asInt() + "/rpc"));
				}
			}
			return providers;
		}
	}

	private static String[] chatAppArguments() {
		return new String[] { "--chat.store=redis", "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redis.port(), "--chat.binder.url=" + binderUrl,
				"--chat.advertised-address=127.0.0.1", "--chat.registration.ttl=3s", "--chat.messages.per-second=0",
				"--chat.limits.registrations-per-minute=0", "--chat.limits.rooms-per-minute=0" };
	}

}
