package dev.rpcchat.system;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page itself in a real browser: it loads under its Content-Security-Policy without a
 * complaint, shows received text as text, and fits a phone's width.
 */
class PageTests {

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
	void loadsUnderItsContentSecurityPolicyWithoutAnErrorAndAsksForAName() {
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl()).waitForSignIn();
			assertThat(page.byId("sign-in").isDisplayed()).isTrue();
			assertThat(page.byId("name-input").equals(browser.driver().switchTo().activeElement())).isTrue();
			// new messages are announced to screen readers, politely
			assertThat(page.byId("log").getDomAttribute("role")).isEqualTo("log");
			assertThat(page.byId("log").getDomAttribute("aria-live")).isEqualTo("polite");
			assertThat(page.byId("status").getDomAttribute("role")).isEqualTo("status");
			assertThat(
					page.script("return window.trustedTypes !== undefined && document.querySelector('#log') !== null"))
				.isEqualTo(true);
			assertThat(page.script("""
					try { document.body.insertAdjacentHTML('beforeend', '<b id="x">x</b>'); return 'inserted'; }
					catch (e) { return e.name; }""")).as("Trusted Types refuse HTML strings").isEqualTo("TypeError");
			assertThat(browser.severeConsoleMessages()).filteredOn((line) -> !line.contains("TrustedHTML")).isEmpty();
		}
	}

	@Test
	void showsControlAndBidiCharactersAsVisibleMarksAndMarkupAsText() {
		try (Browser browser = Browser.start()) {
			ChatPage page = new ChatPage(browser).open(system.pageUrl()).waitForSignIn();
			String hostile = "<img src=x onerror=alert(1)> \u001b[2J\u001b[31mred \u202Eevil\u2066 \u0007 \u009b ok\nline two";
			@SuppressWarnings("unchecked")
			List<Object> rendered = (List<Object>) browser.driver().executeAsyncScript("""
					const [text, done] = arguments;
					import('./js/text.js').then((module) => {
					  const box = document.createElement('div');
					  module.appendText(box, text);
					  document.body.append(box);
					  done([box.textContent, box.querySelectorAll('.ctl').length, box.querySelectorAll('img').length,
					    box.innerText.includes('\\u001b')]);
					});""", hostile);
			assertThat(rendered.get(0)).isEqualTo(
					"<img src=x onerror=alert(1)> U+001B[2JU+001B[31mred U+202EevilU+2066 U+0007 U+009B ok\nline two");
			assertThat(rendered.get(1)).isEqualTo(6L);
			Screenshots.save(browser, "control-characters", false);
			assertThat(rendered.get(2)).isEqualTo(0L);
			assertThat(rendered.get(3)).isEqualTo(false);
		}
	}

	@Test
	void fitsAPhoneWidthInLightAndDarkWithoutScrollingSideways() {
		for (boolean dark : new boolean[] { false, true }) {
			try (Browser browser = Browser.start(360, 740, dark)) {
				ChatPage page = new ChatPage(browser).open(system.pageUrl()).waitForSignIn();
				assertThat(page.script("return document.documentElement.scrollWidth")).isEqualTo(360L);
				assertThat(page.script("return matchMedia('(prefers-color-scheme: dark)').matches")).isEqualTo(dark);
				Screenshots.save(browser, "sign-in-phone-" + (dark ? "dark" : "light"), false);
			}
		}
	}

}
