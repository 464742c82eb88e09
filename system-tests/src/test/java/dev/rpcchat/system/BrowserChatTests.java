package dev.rpcchat.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * People chat through the page in real browsers, with someone on plain HTTP in the same
 * room: one binder (which serves the page) and one chat server.
 */
class BrowserChatTests {

	private static final AtomicInteger names = new AtomicInteger();

	private static ChatSystem system;

	@BeforeAll
	static void startTheSystem() {
		system = ChatSystem.withMemoryStore();
	}

	@AfterAll
	static void stopTheSystem() {
		system.close();
	}

	@Test
	void twoBrowsersAndAnHttpClientChatInOneRoom() {
		String room = unique("geral");
		String ana = unique("ana");
		String bia = unique("bia");
		try (Browser anaBrowser = Browser.start(); Browser biaBrowser = Browser.start()) {
			ChatPage anaPage = new ChatPage(anaBrowser).open(system.pageUrl()).signIn(ana).createRoom(room);
			ChatPage biaPage = new ChatPage(biaBrowser).open(system.pageUrl()).signIn(bia).join(room);
			HttpChatUser carl = HttpChatUser.register(chatPort(), unique("carl"));
			carl.join(room);
			anaPage.send("Oi, tudo bem?");
			biaPage.waitForMessage(ana + ": Oi, tudo bem?");
			biaPage.send("Tudo! And you, " + carl.username() + "?");
			anaPage.waitForMessage(bia + ": Tudo! And you, " + carl.username() + "?");
			carl.send(room, "Fine, from curl.");
			anaPage.waitForMessage(carl.username() + ": Fine, from curl.");
			biaPage.waitForMessage(carl.username() + ": Fine, from curl.");
			await().atMost(ChatPage.PATIENCE)
				.untilAsserted(() -> assertThat(carl.receive(room)).contains(ana + ": Oi, tudo bem?",
						bia + ": Tudo! And you, " + carl.username() + "?"));
			await().atMost(ChatPage.PATIENCE)
				.untilAsserted(
						() -> assertThat(biaPage.members()).containsExactlyInAnyOrder(ana, bia, carl.username()));
			assertThat(anaPage.messages()).containsSubsequence(ana + ": Oi, tudo bem?",
					bia + ": Tudo! And you, " + carl.username() + "?", carl.username() + ": Fine, from curl.");
			assertThat(anaBrowser.severeConsoleMessages()).isEmpty();
			assertThat(biaBrowser.severeConsoleMessages()).isEmpty();
		}
	}

	@Test
	void roomsNotInViewGetAnUnreadMarkThatGoesWhenOpened() {
		String first = unique("first");
		String second = unique("second");
		String ana = unique("ana");
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl()).signIn(ana).createRoom(first);
			HttpChatUser carl = HttpChatUser.register(chatPort(), unique("carl"));
			carl.join(first);
			page.createRoom(second);
			carl.send(first, "one");
			carl.send(first, "two");
			await().atMost(ChatPage.PATIENCE).until(() -> page.unread(first) == 2);
			assertThat(page.unread(second)).isZero();
			Screenshots.save(browser, "unread", false);
			page.openRoom(first);
			assertThat(page.unread(first)).isZero();
			page.waitForMessage(carl.username() + ": two");
		}
	}

	@Test
	void aPrivateMessageShowsOnlyAtItsTwoEnds() {
		String room = unique("secrets");
		String ana = unique("ana");
		String bia = unique("bia");
		try (Browser anaBrowser = Browser.start(); Browser biaBrowser = Browser.start()) {
			ChatPage anaPage = new ChatPage(anaBrowser).open(system.pageUrl()).signIn(ana).createRoom(room);
			ChatPage biaPage = new ChatPage(biaBrowser).open(system.pageUrl()).signIn(bia).join(room);
			HttpChatUser carl = HttpChatUser.register(chatPort(), unique("carl"));
			carl.join(room);
			anaPage.sendPrivately(bia, "only for bia");
			biaPage.waitForMessage(ana + ": only for bia (private to " + bia + ")");
			anaPage.waitForMessage(ana + ": only for bia (private to " + bia + ")");
			carl.sendPrivately(room, ana, "only for ana");
			anaPage.waitForMessage(carl.username() + ": only for ana (private to " + ana + ")");
			anaPage.send("everyone may read this");
			biaPage.waitForMessage(ana + ": everyone may read this");
			List<String> carlReads = new ArrayList<>();
			await().atMost(ChatPage.PATIENCE).untilAsserted(() -> {
				carlReads.addAll(carl.receive(room));
				assertThat(carlReads).contains(ana + ": everyone may read this");
			});
			assertThat(carlReads).noneMatch((line) -> line.contains("only for bia"));
			assertThat(biaPage.messages()).noneMatch((line) -> line.contains("only for ana"));
			assertThat(biaBrowser.driver().findElement(By.cssSelector("#log li.private")).getText())
				.contains("private");
		}
	}

	@Test
	void aHostileMessageIsShownAsTheCharactersItIs() {
		String room = unique("hostile");
		String ana = unique("ana");
		String hostile = "<img src=x onerror=alert(1)>";
		String markup = "<b>bold?</b> <script>alert(2)</script>";
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl()).signIn(ana).createRoom(room);
			HttpChatUser mallory = HttpChatUser.register(chatPort(), unique("mallory"));
			mallory.join(room);
			mallory.send(room, hostile);
			mallory.send(room, markup);
			page.send(hostile);
			page.waitForMessage(mallory.username() + ": " + hostile);
			page.waitForMessage(mallory.username() + ": " + markup);
			page.waitForMessage(ana + ": " + hostile);
			assertThat(browser.driver().findElements(By.cssSelector("#log img, #log b, #log script"))).isEmpty();
			assertThat(browser.driver().findElement(By.id("log")).getText()).contains(hostile).contains(markup);
			assertThatExceptionOfType(NoAlertPresentException.class)
				.isThrownBy(() -> browser.driver().switchTo().alert());
			assertThat(browser.severeConsoleMessages()).isEmpty();
		}
	}

	@Test
	void aTakenNameIsAskedAgainAndEverythingWorksFromTheKeyboard() {
		String room = unique("keys");
		String taken = unique("taken");
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl());
			page.waitUntilConnected();
			HttpChatUser.register(chatPort(), taken);
			page.tryName(taken);
			await().atMost(ChatPage.PATIENCE)
				.untilAsserted(
						() -> assertThat(page.signInError()).isEqualTo("That name is taken. Choose another one."));
			assertThat(page.byId("sign-in").isDisplayed()).isTrue();
			page.tryName("no spaces allowed");
			await().atMost(ChatPage.PATIENCE)
				.untilAsserted(() -> assertThat(page.signInError()).startsWith("A name is 1 to 32 letters"));
			String name = unique("kim");
			page.tryName(name);
			await().atMost(ChatPage.PATIENCE).until(() -> page.byId("chat").isDisplayed());
			// Signed in, the focus is in the new-room box: type a name and press Enter.
			assertThat(activeId(browser)).isEqualTo("new-room");
			browser.driver().switchTo().activeElement().sendKeys(room, Keys.ENTER);
			page.waitForRoomInView(room);
			assertThat(activeId(browser)).isEqualTo("composer-input");
			browser.driver()
				.switchTo()
				.activeElement()
				.sendKeys("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line", Keys.ENTER);
			page.waitForMessage(name + ": first line\nsecond line");
			browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
			assertThat(activeId(browser)).isEqualTo("send");
			assertThat(page.script("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
			// Once round the page, back to the Send button.
			List<String> reached = new ArrayList<>();
			for (int i = 0; i < 40 && !"send".equals(reached.isEmpty() ? null : reached.get(reached.size() - 1)); i++) {
				browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
				reached.add(activeId(browser));
			}
			assertThat(reached).contains("sign-out", "leave-room", "refresh-rooms", "new-room", "log", "recipient",
					"composer-input");
		}
	}

	@Test
	void aReloadResumesTheSessionWithoutLosingOrRepeatingAMessage() throws Exception {
		String room = unique("reload");
		String ana = unique("ana");
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl()).signIn(ana).createRoom(room);
			HttpChatUser carl = HttpChatUser.register(chatPort(), unique("carl"));
			carl.join(room);
			List<String> expected = new ArrayList<>();
			for (int i = 1; i <= 3; i++) {
				carl.send(room, "before " + i);
				expected.add(carl.username() + ": before " + i);
			}
			page.waitForMessage(expected.get(2));
			CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
				for (int i = 1; i <= 10; i++) {
					carl.send(room, "during " + i);
					sleep(40);
				}
			});
			page.reload();
			sending.get();
			for (int i = 1; i <= 10; i++) {
				expected.add(carl.username() + ": during " + i);
			}
			carl.send(room, "after");
			expected.add(carl.username() + ": after");
			page.waitForMessage(carl.username() + ": after");
			List<String> shown = page.messages().stream().filter((line) -> line.startsWith(carl.username())).toList();
			assertThat(shown).containsExactlyElementsOf(expected);
			assertThat(page.shown()).extracting(ChatPage.Shown::id).doesNotHaveDuplicates().isSorted();
			assertThat(page.byId("me-name").getText()).isEqualTo(ana);
			assertThat(page.byId("sign-in").isDisplayed()).isFalse();
			page.send("still me");
			await().atMost(ChatPage.PATIENCE)
				.untilAsserted(() -> assertThat(carl.receive(room)).contains(ana + ": still me"));
		}
	}

	@Test
	void olderMessagesComeBackFromTheServerOnScrollingUpAfterAReload() {
		String room = unique("history");
		String ana = unique("ana");
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl()).signIn(ana).createRoom(room);
			HttpChatUser carl = HttpChatUser.register(chatPort(), unique("carl"));
			carl.join(room);
			List<String> expected = new ArrayList<>();
			for (int i = 1; i <= 80; i++) {
				carl.send(room, "m" + i);
				expected.add(carl.username() + ": m" + i);
			}
			page.waitForMessage(carl.username() + ": m80");
			page.reload();
			page.waitUntilConnected();
			// The tab keeps the last 50 for a reload; the 30 before come from
			// get_history.
			assertThat(page.messages()).hasSizeLessThanOrEqualTo(50).doesNotContain(carl.username() + ": m1");
			page.script("document.getElementById('log-scroller').scrollTop = 0");
			page.waitForMessage(carl.username() + ": m1");
			assertThat(page.messages()).startsWith("* " + ana + " joined", "* " + carl.username() + " joined")
				.endsWith(expected.toArray(String[]::new))
				.hasSize(82);
			assertThat(page.shown()).extracting(ChatPage.Shown::id).doesNotHaveDuplicates().isSorted();
			await().atMost(ChatPage.PATIENCE).until(() -> page.byId("history-note").isDisplayed());
		}
	}

	@Test
	void leavingARoomAndSigningOutFreeTheName() {
		String room = unique("bye");
		String ana = unique("ana");
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl()).signIn(ana).createRoom(room);
			HttpChatUser carl = HttpChatUser.register(chatPort(), unique("carl"));
			carl.join(room);
			page.byId("leave-room").click();
			await().atMost(ChatPage.PATIENCE)
				.untilAsserted(() -> assertThat(carl.receive(room)).contains("* " + ana + " left"));
			assertThat(page.byId("room-title").getText()).isEqualTo("No room open");
			page.byId("sign-out").click();
			page.waitForSignIn();
			await().atMost(ChatPage.PATIENCE)
				.untilAsserted(() -> assertThat(HttpChatUser.register(chatPort(), ana).username()).isEqualTo(ana));
			page.reload();
			page.waitForSignIn();
		}
	}

	/** The one chat server, where the HTTP users chat. */
	private static int chatPort() {
		return system.chatPorts().get(0);
	}

	private static String activeId(Browser browser) {
		return browser.driver().switchTo().activeElement().getDomAttribute("id");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String unique(String name) {
		return name + names.incrementAndGet();
	}

}
