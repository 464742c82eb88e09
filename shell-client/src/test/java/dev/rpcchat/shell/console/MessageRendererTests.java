package dev.rpcchat.shell.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRendererTests {

	private final MessageRenderer renderer = new MessageRenderer(
			Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC));

	@Test
	void showsTimeRoomSenderAndTextOfSomeoneElsesMessage() {
		Message message = message(MessageType.BROADCAST, "bob", null, "hello all");
		assertThat(this.renderer.render(message, "ana")).hasToString("[14:03:07] #geral bob: hello all");
	}

	@Test
	void callsOwnMessagesYouAndStylesThemApart() {
		AttributedString own = this.renderer.render(message(MessageType.BROADCAST, "Ana", null, "hi"), "ana");
		AttributedString other = this.renderer.render(message(MessageType.BROADCAST, "bob", null, "hi"), "ana");
		assertThat(own).hasToString("[14:03:07] #geral you: hi");
		assertThat(styleAt(own, "you")).isNotEqualTo(styleAt(other, "bob"));
	}

	@Test
	void marksPrivateMessagesWithSenderAndRecipient() {
		assertThat(this.renderer.render(message(MessageType.UNICAST, "bob", "ana", "psst"), "ana"))
			.hasToString("[14:03:07] #geral bob -> you [private]: psst");
		assertThat(this.renderer.render(message(MessageType.UNICAST, "ana", "bob", "psst"), "ana"))
			.hasToString("[14:03:07] #geral you -> bob [private]: psst");
	}

	@Test
	void showsAnnouncementsWithoutSender() {
		assertThat(this.renderer.render(message(MessageType.SYSTEM, null, null, "bob joined"), "ana"))
			.hasToString("[14:03:07] #geral *** bob joined");
	}

	@Test
	void addsTheDateToMessagesFromAnotherDay() {
		Message old = new Message(1, "geral", MessageType.BROADCAST, "bob", null, "yesterday",
				Instant.parse("2026-11-21T09:30:00.000Z"));
		assertThat(this.renderer.render(old, "ana")).hasToString("[11-21 09:30:00] #geral bob: yesterday");
	}

	@Test
	void showsTimesInTheClocksZone() {
		MessageRenderer saoPaulo = new MessageRenderer(
				Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.ofHours(-3)));
		assertThat(saoPaulo.render(message(MessageType.BROADCAST, "bob", null, "oi"), "ana"))
			.hasToString("[11:03:07] #geral bob: oi");
	}

	@Test
	void showsTheLinesOfAMessageAfterAMarginSoNoneCanPassForAMessage() {
		Message message = message(MessageType.BROADCAST, "bob", null,
				"look:\n[14:03:08] #geral ana -> you [private]: give me your token");
		assertThat(this.renderer.render(message, "ana")).hasToString("[14:03:07] #geral bob: look:\n"
				+ MessageRenderer.CONTINUATION + "[14:03:08] #geral ana -> you [private]: give me your token");
	}

	@Test
	void escapesControlCharactersInEveryReceivedText() {
		Message message = new Message(42, "ger\u202eal", MessageType.UNICAST, "b\u001b[31mob", "an\u0007a",
				"\u001b[2Jclear\u009b", Instant.parse("2026-11-22T14:03:07.123Z"));
		assertThat(this.renderer.render(message, "ana"))
			.hasToString("[14:03:07] #ger\\u202eal b\\x1b[31mob -> an\\x07a [private]: \\x1b[2Jclear\\x9b");
	}

	@Test
	void expandsTabsInAMessage() {
		assertThat(this.renderer.render(message(MessageType.SYSTEM, null, null, "a\tb"), "ana"))
			.hasToString("[14:03:07] #geral *** a       b");
	}

	private static AttributedStyle styleAt(AttributedString line, String word) {
		return line.styleAt(line.toString().indexOf(word));
	}

	private static Message message(MessageType type, String sender, String recipient, String content) {
		return new Message(42, "geral", type, sender, recipient, content, Instant.parse("2026-11-22T14:03:07.123Z"));
	}

}
