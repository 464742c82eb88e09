package dev.rpcchat.server.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class MessageContentTests {

	private final MessageContent content = new MessageContent(10);

	@ParameterizedTest
	@ValueSource(strings = { "oi", "two\nlines", "a\ttab", "olá 😀", "עברית", "ab\u200dcd" })
	void textWithNewlinesTabsAndAnyScriptMayBeSent(String text) {
		assertThat(this.content.problem(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u001b[2J", "bell\u0007", "cr\r", "nul\u0000", "del\u007f", "c1\u0085", "c1\u009b",
			"rtl\u202eexe", "lre\u202a", "iso\u2066x\u2069", "fsi\u2068", "half\ud800", "half\udc00x" })
	void controlsBidiOverridesAndLoneSurrogatesAreInvalid(String text) {
		ChatException problem = this.content.problem(text);
		assertThat(problem).isNotNull();
		assertThat(problem.errorCode()).isEqualTo(ErrorCode.INVALID_MESSAGE);
		assertThat(problem.details()).containsKey("code_point");
	}

	@Test
	void blankAndTooLongTextsAreInvalid() {
		assertThat(this.content.problem(" \u00a0\u200b").getMessage()).isEqualTo("The message is blank.");
		assertThat(this.content.problem(null).getMessage()).isEqualTo("The message is blank.");
		assertThat(this.content.problem("😀".repeat(10))).isNull();
		assertThat(this.content.problem("x".repeat(11)).details()).containsEntry("max_length", 10);
	}

}
