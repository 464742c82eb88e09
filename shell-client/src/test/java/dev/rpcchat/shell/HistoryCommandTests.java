package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.shell.ShellUser.Outcome;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.console.MessageRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code history} against a real chat server: pages of older messages, newest page first,
 * each line as a live message shows it, with the command that shows the page before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryCommandTests {

	private static final String ROOM = "annals";

	private ShellUser ana;

	private final List<Message> sent = new ArrayList<>();

	@BeforeAll
	void fillARoom() {
		this.ana = ShellUser.start(TestSystem.binderUrl());
		StringWriter text = new StringWriter();
		assertThat(this.ana.shell().signIn("hana", (prompt) -> null, new PrintWriter(text, true))).isTrue();
		assertThat(this.ana.run("join --create " + ROOM).exitCode()).isZero();
		ChatService bob = signIn("hbob");
		ChatService cid = signIn("hcid");
		bob.joinRoom("hbob", ROOM);
		cid.joinRoom("hcid", ROOM);
		for (int i = 1; i <= 5; i++) {
			this.sent.add(bob.sendMessage("hbob", ROOM, "page text " + i, null, null));
		}
		this.sent.add(bob.sendMessage("hbob", ROOM, "psst, only for cid", "hcid", null));
		this.sent.add(bob.sendMessage("hbob", ROOM, "for hana's eyes", "hana", null));
		this.sent.add(bob.sendMessage("hbob", ROOM, "first line\nsecond line", null, null));
	}

	@AfterAll
	void close() {
		this.ana.close();
	}

	@Test
	void showsTheNewestPageAsLiveLinesAndTheCommandForThePageBefore() {
		Outcome page = this.ana.run("history --limit 3");
		assertThat(page.exitCode()).isZero();
		List<String> lines = page.output().lines().toList();
		long oldestShown = this.sent.get(4).id();
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).endsWith("#annals hbob: page text 5");
		assertThat(lines.get(1)).endsWith("#annals hbob -> you [private]: for hana's eyes");
		assertThat(lines.get(2)).endsWith("#annals hbob: first line");
		assertThat(lines.get(3)).isEqualTo(MessageRenderer.CONTINUATION + "second line");
		assertThat(lines.get(4)).isEqualTo("Older: history annals --before " + oldestShown + " --limit 3");
		assertThat(this.ana.run("history").output()).doesNotContain("psst, only for cid");
	}

	@Test
	void pagesBackToTheFirstMessageWithTheCommandItGives() {
		List<String> seen = new ArrayList<>();
		String command = "history " + ROOM + " --limit 2";
		for (int pages = 0; pages < 20 && command != null; pages++) {
			List<String> lines = this.ana.run(command).output().lines().toList();
			String last = lines.getLast();
			command = last.startsWith("Older: ") ? last.substring("Older: ".length()) : null;
			List<String> messages = new ArrayList<>(lines.subList(0, lines.size() - 1));
			messages.addAll(seen);
			seen = messages;
			if (command == null) {
				assertThat(last).isEqualTo("No older messages in #annals.");
			}
		}
		assertThat(command).isNull();
		assertThat(seen).first().asString().endsWith("#annals *** hana joined");
		assertThat(seen).filteredOn((line) -> line.contains("page text"))
			.hasSize(5)
			.allSatisfy((line) -> assertThat(line).matches("\\[\\d\\d:\\d\\d:\\d\\d\\] #annals hbob: page text \\d"));
		assertThat(String.join("\n", seen)).doesNotContain("psst");
	}

	@Test
	void saysWhenThereIsNothingBeforeAnId() {
		assertThat(this.ana.run("history --before 1").output()).isEqualTo("No messages in #annals before 1.");
	}

	@Test
	void refusesALimitOrIdThatIsNotAWholeNumberInRange() {
		Outcome zero = this.ana.run("history --limit 0");
		assertThat(zero.output()).isEqualTo("--limit takes 1 to 100, such as --limit 20, not '0'.");
		assertThat(zero.exitCode()).isEqualTo(ErrorSentences.USAGE);
		assertThat(this.ana.run("history --limit 101").output()).startsWith("--limit takes 1 to 100");
		assertThat(this.ana.run("history --before soon").output())
			.isEqualTo("--before takes a message id, such as --before 120, not 'soon'.");
		assertThat(this.ana.run("history --before=-4").exitCode()).isEqualTo(ErrorSentences.USAGE);
	}

	@Test
	void saysWhyWhenTheRoomIsNotOneOfYours() {
		assertThat(this.ana.run("history nowhere").output()).isEqualTo("No room named 'nowhere'. Try `rooms`.");
		assertThat(this.ana.run("create-room elsewhere").exitCode()).isZero();
		Outcome notIn = this.ana.run("history elsewhere");
		assertThat(notIn.output()).isEqualTo("You are not in room 'elsewhere'. Join it first with `join elsewhere`.");
		assertThat(notIn.exitCode()).isEqualTo(ErrorSentences.REFUSED);
	}

	@Test
	void hasHelpAndCompletesJoinedRooms() {
		assertThat(this.ana.run("help history").output()).startsWith("history [--before ID] [--limit N] [ROOM]\n"
				+ "  Show older messages of a joined room, a page at a time, the newest page first.");
		assertThat(this.ana.complete("history an")).contains(ROOM);
	}

	private static ChatService signIn(String name) {
		ChatConnection connection = ChatConnection.connect(TestSystem.binderUrl(), Duration.ofSeconds(5));
		RegisteredUser user = connection.chat().registerUser(name);
		connection.useToken(user.token());
		return connection.chat();
	}

}
