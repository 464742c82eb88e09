package dev.rpcchat.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.rpcchat.test.TestCertificate;
import dev.rpcchat.test.AppProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The bench against a binder and a chat-app on TLS, with a throwaway certificate given
 * with {@code --trust}: it looks the chat-app up over HTTPS, is told {@code https}, and
 * calls over HTTPS (both clients) and over {@code wss://}. No figure is asserted.
 */
class BenchTlsIntegrationTests {

	private static final TestCertificate certificate = TestCertificate.get();

	private static AppProcess binder;

	private static AppProcess chatApp;

	private static String binderUrl;

	@BeforeAll
	static void startBinderAndChatAppOnTls() {
		binder = AppProcess.binder(certificate.serverArguments().toArray(String[]::new));
		binderUrl = "https://localhost:" + binder.port() + "/rpc";
		List<String> chatArguments = new ArrayList<>(
				List.of("--chat.binder.url=" + binderUrl, "--chat.messages.per-second=0",
						"--chat.limits.registrations-per-minute=0", "--chat.limits.rooms-per-minute=0"));
		chatArguments.addAll(certificate.serverArguments());
		chatArguments.addAll(certificate.trustArguments());
		chatApp = AppProcess.chat(chatArguments.toArray(String[]::new));
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			try (RpcClient client = new RpcClient(
					new RawHttpTransport(URI.create(binderUrl), certificate.clientContext()))) {
				client.invoke("lookup_procedure", Map.of("procedure_name", "send_message"), null);
			}
		});
	}

	@AfterAll
	static void stopThem() {
		chatApp.close();
		binder.close();
	}

	@Test
	void sendsOverHttpsWithEitherClientAndOverWss() throws Exception {
		for (List<String> scenario : List.of(List.of("--scenario", "send"),
				List.of("--scenario", "send", "--client", "jdk"), List.of("--scenario", "ws-send"))) {
			List<String> args = new ArrayList<>(scenario);
			args.addAll(List.of("--users", "2", "--trust", certificate.certificate().toString()));
			ByteArrayOutputStream progress = new ByteArrayOutputStream();
			LatencyReport report = run(args, progress);
			assertThat(report.series().get(0).count()).as("%s", scenario).isPositive();
			assertThat(report.series()).allSatisfy((series) -> assertThat(series.errors()).isEmpty());
			assertThat(progress.toString(StandardCharsets.UTF_8)).contains("is served at https://127.0.0.1:");
		}
	}

	@Test
	void withoutTrustingTheCertificateItCannotFindTheChatServer() {
		assertThatException().isThrownBy(() -> run(List.of("--scenario", "send"), new ByteArrayOutputStream()))
			.withMessageContaining("PKIX path building failed");
	}

	private static LatencyReport run(List<String> scenario, ByteArrayOutputStream progress) throws Exception {
		List<String> args = new ArrayList<>(List.of("--binder", binderUrl, "--duration", "1s", "--warmup", "1s"));
		args.addAll(scenario);
		return new LoadGenerator(BenchOptions.parse(args.toArray(String[]::new)),
				new PrintStream(progress, true, StandardCharsets.UTF_8))
			.run();
	}

}
