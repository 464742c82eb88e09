package dev.rpcchat.shell.console;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTests {

	@Test
	void escapesControlCharactersDeleteAndC1() {
		assertThat(TerminalText.line("a\u001b[2Jb\u0000c\u007fd\u009be\u0007"))
			.isEqualTo("a\\x1b[2Jb\\x00c\\x7fd\\x9be\\x07");
	}

	@Test
	void escapesBidirectionalOverridesIsolatesAndLineSeparators() {
		assertThat(TerminalText.line("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"))
			.isEqualTo("\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u2028\\u2029");
	}

	@Test
	void keepsEveryOtherCharacterAsItIs() {
		String text = "olá, ação! 日本語 😀 \u200d 'quotes' \"and\" \\backslash";
		assertThat(TerminalText.line(text)).isEqualTo(text);
		assertThat(TerminalText.lines(text)).containsExactly(text);
	}

	@Test
	void showsANewlineOrTabInsideANameEscaped() {
		assertThat(TerminalText.line("a\nb\tc\rd")).isEqualTo("a\\nb\\tc\\rd");
		assertThat(TerminalText.line(null)).isEmpty();
	}

	@Test
	void splitsAMessageIntoLinesAndExpandsTabsToTheNextStop() {
		assertThat(TerminalText.lines("one\r\ntwo\n\tthree\nab\tc\u001b")).containsExactly("one", "two",
				"        three", "ab      c\\x1b");
		assertThat(TerminalText.lines("")).containsExactly("");
		assertThat(TerminalText.lines("end\n")).containsExactly("end", "");
	}

	@Test
	void guardsStyledTextKeepingStylesAndNewlines() {
		AttributedString text = new AttributedString("red\u001b\nline", AttributedStyle.BOLD);
		AttributedString guarded = TerminalText.guard(text);
		assertThat(guarded).hasToString("red\\x1b\nline");
		assertThat(guarded.styleAt(4)).isEqualTo(AttributedStyle.BOLD);
		AttributedString clean = new AttributedString("clean");
		assertThat(TerminalText.guard(clean)).isSameAs(clean);
	}

}
