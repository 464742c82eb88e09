package dev.rpcchat.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people chatting, as the README shows them, and the page at a phone's width and in
 * the dark: on a system of their own, so that no other test's rooms show.
 */
class ScreenshotTests {

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
	void screenshotsOfTwoPeopleChattingAtDesktopAndPhoneWidthsInLightAndDark() {
		try (Browser ana = Browser.start(1100, 700, false); Browser bia = Browser.start(1100, 700, false)) {
			ChatPage anaPage = new ChatPage(ana).open(system.pageUrl()).signIn("ana").createRoom("geral");
			ChatPage biaPage = new ChatPage(bia).open(system.pageUrl()).signIn("bia").join("geral");
			HttpChatUser carl = HttpChatUser.register(system.chatPorts().get(0), "carl");
			carl.join("geral");
			anaPage.send("Bom dia! Is the release still on for today?");
			biaPage.waitForMessage("ana: Bom dia! Is the release still on for today?");
			biaPage.send("Yes: the build is green, I am tagging it now.");
			carl.send("geral", "I will watch the dashboards.");
			anaPage.waitForMessage("carl: I will watch the dashboards.");
			anaPage.sendPrivately("bia", "Lunch after the release?");
			biaPage.waitForMessage("ana: Lunch after the release? (private to bia)");
			biaPage.send("<img src=x onerror=alert(1)> is shown as text, not run.");
			anaPage.waitForMessage("bia: <img src=x onerror=alert(1)> is shown as text, not run.");
			biaPage.waitForMessage("bia: <img src=x onerror=alert(1)> is shown as text, not run.");
			biaPage.script("document.activeElement.blur()");
			Screenshots.save(bia, "web-client", true);
			for (boolean dark : new boolean[] { false, true }) {
				try (Browser phone = Browser.start(360, 740, dark)) {
					ChatPage phonePage = new ChatPage(phone).open(system.pageUrl())
						.signIn(dark ? "dara" : "lia")
						.join("geral");
					phonePage.waitForMessage("bia: <img src=x onerror=alert(1)> is shown as text, not run.");
					assertThat(phonePage.script("return document.documentElement.scrollWidth")).isEqualTo(360L);
					Screenshots.save(phone, "web-client-phone-" + (dark ? "dark" : "light"), false);
				}
			}
			try (Browser desktopDark = Browser.start(1280, 800, true)) {
				new ChatPage(desktopDark).open(system.pageUrl()).signIn("dani").join("geral");
				Screenshots.save(desktopDark, "web-client-dark", false);
			}
		}
	}

}
