package dev.rpcchat.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.ErrorSentences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell as a script runs it, {@code main}'s way, against a real binder and chat
 * server: every argument is accounted for, the exit code says how it went, and a script
 * that sends fast waits out the rate limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ScriptTests {

	private static final String ROOM = "keepers";

	private ChatService keeper;

	@BeforeAll
	void aKeeperWaitsInARoom() {
		ChatConnection connection = ChatConnection.connect(TestSystem.binderUrl(), Duration.ofSeconds(5));
		RegisteredUser user = connection.chat().registerUser("keeper");
		connection.useToken(user.token());
		this.keeper = connection.chat();
		this.keeper.createRoom(ROOM);
		this.keeper.joinRoom("keeper", ROOM);
	}

	@Test
	void runsEachArgumentAsACommand(CapturedOutput output) {
		assertThat(run("--username=s1", "rooms", "whoami")).isZero();
		assertThat(output.getOut()).contains("#" + ROOM).contains("You are s1.");
	}

	@Test
	void refusesAPrivateMessageWhoseOptionLostItsQuotesAndRunsNothing(CapturedOutput output) {
		int before = this.keeper.receiveMessages("keeper", ROOM, 0, 0L).size();
		assertThat(run("--username=x", "join " + ROOM + ";", "send", "--to", "keeper", "hi"))
			.isEqualTo(ErrorSentences.USAGE);
		assertThat(output.getErr()).contains("'--to' is not a setting");
		assertThat(this.keeper.receiveMessages("keeper", ROOM, 0, 0L)).hasSize(before);
		assertThat(this.keeper.listUsers(ROOM)).containsExactly("keeper");
	}

	@Test
	void runsNothingWhenOneCommandIsNotUnderstood(CapturedOutput output) {
		assertThat(run("--username=y", "join " + ROOM + "; send never sent", "sned oops"))
			.isEqualTo(ErrorSentences.USAGE);
		assertThat(output.getErr()).contains("Unknown command 'sned'.");
		assertThat(run("--username=y", "join " + ROOM, "send", "never sent")).isEqualTo(ErrorSentences.USAGE);
		assertThat(output.getErr()).contains("Missing TEXT... for `send`.");
		assertThat(this.keeper.receiveMessages("keeper", ROOM, 0, 0L)).extracting(Message::content)
			.doesNotContain("never sent");
	}

	@Test
	void stopsAtTheFirstFailureWithItsExitCode(CapturedOutput output) {
		assertThat(run("--username=z", "join nowhere; rooms")).isEqualTo(ErrorSentences.REFUSED);
		assertThat(output.getErr()).contains("No room named 'nowhere'.");
		assertThat(output.getOut()).doesNotContain("#" + ROOM);
		assertThat(run("rooms; join " + ROOM)).isEqualTo(ErrorSentences.USAGE);
		assertThat(output.getErr()).contains("Sign in first: start the shell with --username=NAME.");
	}

	@Test
	void waitsOutTheRateLimitInsteadOfGivingUp() {
		this.keeper.createRoom("pace");
		this.keeper.joinRoom("keeper", "pace");
		List<String> sends = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			sends.add("send fast " + i);
		}
		assertThat(run("--username=pacer", "join pace", String.join("; ", sends))).isZero();
		List<Message> messages = this.keeper.receiveMessages("keeper", "pace", 0, 0L);
		assertThat(messages).filteredOn((message) -> "pacer".equals(message.sender()))
			.extracting(Message::content)
			.hasSize(60)
			.startsWith("fast 1")
			.endsWith("fast 60");
	}

	@Test
	void runsTheReadmesDeployBotOnAFreshChat(CapturedOutput output) {
		assertThat(run("--username=deploy-bot", "join --create ops; send release 1.4 is out")).isZero();
		assertThat(output.getOut()).contains("#ops you: release 1.4 is out");
		assertThat(run("--username=deploy-bot", "join --create ops; send release 1.5 is out")).isZero();
	}

	@Test
	void saysInOneSentenceWhatIsWrongWithASetting(CapturedOutput output) {
		assertThat(ShellClientApplication.run(System.err, "--chat.binder.url=notaurl", "rooms"))
			.isEqualTo(ErrorSentences.USAGE);
		assertThat(ShellClientApplication.run(System.err, "--chat.binder.url=ftp://x", "rooms"))
			.isEqualTo(ErrorSentences.USAGE);
		assertThat(ShellClientApplication.run(System.err, "--shell.poll-wait=45s", "rooms"))
			.isEqualTo(ErrorSentences.USAGE);
		assertThat(ShellClientApplication.run(System.err, "--shell.request-timeout=soon", "rooms"))
			.isEqualTo(ErrorSentences.USAGE);
		assertThat(ShellClientApplication.run(System.err, "--shell.pol-wait=5s", "rooms"))
			.isEqualTo(ErrorSentences.USAGE);
		assertThat(output.getErr().lines()).containsExactly(
				"The setting chat.binder.url=notaurl is not valid: it must be an http:// or https:// URL with a host, "
						+ "such as http://localhost:5000/rpc.",
				"The setting chat.binder.url=ftp://x is not valid: it must be an http:// or https:// URL with a host, "
						+ "such as http://localhost:5000/rpc.",
				"The setting shell.poll-wait=45s is not valid: it must be shorter than or equal to 30 seconds.",
				"The setting shell.request-timeout=soon is not valid: it cannot be read as a Duration.",
				"The shell has no setting shell.pol-wait; its shell.* settings are username, request-timeout, "
						+ "poll-wait and heartbeat-interval.");
		assertThat(output.getOut()).isEmpty();
	}

	private static int run(String... args) {
		List<String> all = new ArrayList<>(List.of("--chat.binder.url=" + TestSystem.binderUrl()));
		all.addAll(List.of(args));
		return ShellClientApplication.run(System.err, all.toArray(String[]::new));
	}

}
