package dev.rpcchat.system;

import java.io.IOException;
import java.security.cert.X509Certificate;

import dev.rpcchat.test.TestCertificate;
import dev.rpcchat.api.ClientTrust;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page over HTTPS: a binder and a chat server on TLS with a throwaway certificate,
 * which the browsers trust as someone who installed it would. The page comes from
 * {@code https://}, finds the chat server registered as {@code https} and talks to it
 * over {@code wss://} (the server speaks nothing else, and a secure page may open nothing
 * else).
 */
class TlsBrowserTests {

	private static final TestCertificate certificate = TestCertificate.get();

	private static ChatSystem system;

	@BeforeAll
	static void startTheSystemOnTls() {
		system = ChatSystem.withTls(certificate);
	}

	@AfterAll
	static void stopTheSystem() {
		system.close();
	}

	@Test
	void twoBrowsersChatOverHttpsAndWss() throws IOException {
		X509Certificate trusted = ClientTrust.readPem(certificate.certificate()).getFirst();
		try (Browser anaBrowser = Browser.trusting(trusted); Browser biaBrowser = Browser.trusting(trusted)) {
			ChatPage anaPage = new ChatPage(anaBrowser).open(system.pageUrl()).signIn("tls-ana").createRoom("cofre");
			assertThat(anaPage.script("return location.protocol")).isEqualTo("https:");
			assertThat(system.pageUrl()).startsWith("https://localhost:");
			ChatPage biaPage = new ChatPage(biaBrowser).open(system.pageUrl()).signIn("tls-bia").join("cofre");
			assertThat(biaPage.serverPort()).isEqualTo(system.chatPorts().getFirst());
			anaPage.send("Sigilo total.");
			biaPage.waitForMessage("tls-ana: Sigilo total.");
			biaPage.send("Over wss, of course.");
			anaPage.waitForMessage("tls-bia: Over wss, of course.");
			assertThat(anaBrowser.severeConsoleMessages()).isEmpty();
			assertThat(biaBrowser.severeConsoleMessages()).isEmpty();
		}
	}

}
