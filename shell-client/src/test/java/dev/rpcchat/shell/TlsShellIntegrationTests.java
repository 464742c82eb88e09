package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.test.TestCertificate;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.shell.ShellUser.Outcome;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.test.AppProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shell against a binder and a chat server both on TLS, with a throwaway certificate:
 * trusting it through {@code chat.tls.trust-bundle}, it finds the chat server as
 * {@code https} and chats; without it, or with an {@code http://} binder URL, it says in
 * one sentence what is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsShellIntegrationTests {

	private final TestCertificate certificate = TestCertificate.get();

	private AppProcess binder;

	private AppProcess chat;

	private URI binderUrl;

	@BeforeAll
	void startBinderAndChatServerOnTls() {
		this.binder = AppProcess.binder(this.certificate.serverArguments().toArray(String[]::new));
		this.binderUrl = URI.create("https://localhost:" + this.binder.port() + "/rpc");
		List<String> chat = new ArrayList<>(List.of("--chat.binder.url=" + this.binderUrl,
				"--chat.advertised-address=127.0.0.1", "--chat.store=memory"));
		chat.addAll(this.certificate.serverArguments());
		chat.addAll(this.certificate.trustArguments());
		this.chat = AppProcess.chat(chat.toArray(String[]::new));
	}

	@AfterAll
	void stopThem() {
		this.chat.close();
		this.binder.close();
	}

	@Test
	void chatsOverHttpsWithAServerFoundThroughATlsBinder() {
		List<String> settings = new ArrayList<>(List.of("--chat.binder.url=" + this.binderUrl));
		settings.addAll(this.certificate.trustArguments());
		try (ShellUser ana = ShellUser.start(settings.toArray(String[]::new))) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(signIn(ana, "tls-ana")).contains("Signed in as tls-ana."));
			assertThat(ana.run("join --create vault").exitCode()).isZero();
			assertThat(ana.run("whoami").output()).contains("Chat server: https://127.0.0.1:");
			ana.startLive();
			ChatConnection bia = ChatConnection.connect(this.binderUrl, Duration.ofSeconds(5),
					this.certificate.clientContext());
			RegisteredUser user = bia.chat().registerUser("tls-bia");
			bia.useToken(user.token());
			ChatService chat = bia.chat();
			chat.joinRoom("tls-bia", "vault");
			chat.sendMessage("tls-bia", "vault", "sealed and delivered", null, null);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(ana.screen()).contains("#vault tls-bia: sealed and delivered"));
			assertThat(ana.run("send got it").output()).endsWith("#vault you: got it");
		}
	}

	@Test
	void saysTheCertificateIsNotTrustedWithoutTheTrustBundle() {
		try (ShellUser eve = ShellUser.start("--chat.binder.url=" + this.binderUrl)) {
			Outcome rooms = eve.run("rooms");
			assertThat(rooms.output()).isEqualTo("Cannot connect securely to the binder at " + this.binderUrl
					+ ": its certificate is not one this shell trusts. If it is your own, trust it with "
					+ "--chat.tls.trust-bundle (README.md, \"Running with TLS\").");
			assertThat(rooms.exitCode()).isEqualTo(ErrorSentences.UNREACHABLE);
		}
	}

	@Test
	void saysTheBinderSpeaksHttpsOnlyWhenCalledWithHttp() {
		URI plain = URI.create(this.binderUrl.toString().replace("https:", "http:"));
		try (ShellUser eve = ShellUser.start("--chat.binder.url=" + plain)) {
			Outcome rooms = eve.run("rooms");
			assertThat(rooms.output()).isEqualTo(
					"The binder at " + plain + " speaks HTTPS only: use " + this.binderUrl + " (chat.binder.url).");
			assertThat(rooms.exitCode()).isEqualTo(ErrorSentences.UNREACHABLE);
		}
	}

	@Test
	void saysTheCertificateIsNotMadeForAnAddressItDoesNotName() {
		URI elsewhere = URI.create(this.binderUrl.toString().replace("localhost", "127.0.0.2"));
		List<String> settings = new ArrayList<>(List.of("--chat.binder.url=" + elsewhere));
		settings.addAll(this.certificate.trustArguments());
		try (ShellUser eve = ShellUser.start(settings.toArray(String[]::new))) {
			Outcome rooms = eve.run("rooms");
			assertThat(rooms.output()).isEqualTo("Cannot connect securely to the binder at " + elsewhere
					+ ": its certificate is not made for 127.0.0.2.");
			assertThat(rooms.exitCode()).isEqualTo(ErrorSentences.UNREACHABLE);
		}
	}

	@Test
	void saysThereIsNoHttpsAtAnHttpsUrlOfAPlainServer() {
		URI plain = URI.create(TestSystem.binderUrl().toString().replace("http:", "https:"));
		try (ShellUser eve = ShellUser.start("--chat.binder.url=" + plain)) {
			Outcome rooms = eve.run("rooms");
			assertThat(rooms.output()).isEqualTo("Cannot connect securely to the binder at " + plain
					+ ": no HTTPS there (is it plain http://?), or the handshake failed.");
			assertThat(rooms.exitCode()).isEqualTo(ErrorSentences.UNREACHABLE);
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void saysInOneSentenceThatATrustBundleDoesNotExist(CapturedOutput output) {
		assertThat(ShellClientApplication.run(System.err, "--chat.binder.url=" + this.binderUrl,
				"--chat.tls.trust-bundle=mine", "rooms"))
			.isEqualTo(ErrorSentences.USAGE);
		assertThat(output.getErr().lines()).containsExactly("The shell could not start: chat.tls.trust-bundle names "
				+ "'mine', but there is no SSL bundle of that name: define it with "
				+ "--spring.ssl.bundle.pem.mine.truststore.certificate=<a PEM file>.");
	}

	private static String signIn(ShellUser user, String name) {
		StringWriter text = new StringWriter();
		user.shell().signIn(name, (prompt) -> null, new PrintWriter(text, true));
		return text.toString();
	}

}
