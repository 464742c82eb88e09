package dev.rpcchat.system;

import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.test.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two chat servers on one real Redis behind one binder: the page's chat server is
 * stopped, and the page carries on with the other one, missing nothing and showing
 * nothing twice.
 */
class FailoverTests {

	private static TestRedis redis;

	private static ChatSystem system;

	@BeforeAll
	static void startTheSystem() {
		redis = TestRedis.start();
		system = ChatSystem.onRedis(2, redis.port(), 0);
	}

	@AfterAll
	static void stopTheSystem() {
		system.close();
		redis.close();
	}

	@Test
	void whenItsChatServerStopsThePageCarriesOnWithTheOtherOne() {
		String room = BrowserChatTests.unique("failover");
		String ana = BrowserChatTests.unique("ana");
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl()).signIn(ana).createRoom(room);
			int used = page.serverPort();
			int other = system.chatPorts().stream().filter((port) -> port != used).findFirst().orElseThrow();
			HttpChatUser carl = HttpChatUser.register(other, BrowserChatTests.unique("carl"));
			carl.join(room);
			carl.send(room, "before the stop");
			page.waitForMessage(carl.username() + ": before the stop");
			system.stopChatServer(used);
			List<String> expected = new ArrayList<>(List.of(carl.username() + ": before the stop"));
			for (int i = 1; i <= 5; i++) {
				carl.send(room, "while the page moves " + i);
				expected.add(carl.username() + ": while the page moves " + i);
			}
			page.waitForMessage(carl.username() + ": while the page moves 5");
			page.waitUntilConnected();
			assertThat(page.serverPort()).isEqualTo(other);
			assertThat(page.messages().stream().filter((line) -> line.startsWith(carl.username())))
				.containsExactlyElementsOf(expected);
			assertThat(page.shown()).extracting(ChatPage.Shown::id).doesNotHaveDuplicates().isSorted();
			page.send("still here");
			await().atMost(ChatPage.PATIENCE)
				.untilAsserted(() -> assertThat(carl.receive(room)).contains(ana + ": still here"));
			page.waitForMessage(ana + ": still here");
		}
	}

}
