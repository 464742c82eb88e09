package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.shell.ShellUser.Outcome;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.ErrorSentences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two people's shells against a real binder and chat server, one step of a conversation
 * per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatShellIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private ShellUser ana;

	private ShellUser bob;

	@BeforeAll
	void startTwoShells() {
		this.ana = ShellUser.start(TestSystem.binderUrl());
		this.bob = ShellUser.start(TestSystem.binderUrl());
	}

	@AfterAll
	void closeShells() {
		this.ana.close();
		this.bob.close();
	}

	@Test
	@Order(1)
	void signsInAndAsksAgainWhenTheNameIsTaken() throws Exception {
		assertThat(signIn(this.ana, "ana")).contains("Signed in as ana.");
		String bobsScreen = signIn(this.bob, "ANA", "bob");
		assertThat(bobsScreen).contains("The name 'ANA' is taken. Pick another one.").contains("Signed in as bob.");
		assertThat(this.bob.send("whoami")).first().isEqualTo("You are bob.");
	}

	@Test
	@Order(2)
	void createsAndJoinsARoomShowingWhoIsThereAndItsHistory() throws Exception {
		assertThat(this.ana.send("create-room lobby"))
			.containsExactly("Room #lobby created. Join it with `join lobby`.");
		assertThat(this.ana.send("join lobby")).contains("No messages yet.");
		assertThat(this.ana.send("send first words")).singleElement().asString().endsWith("#lobby you: first words");
		List<String> joined = this.bob.send("join LOBBY");
		assertThat(joined.get(0)).isEqualTo("Joined #lobby (now your current room). In the room: ana, bob.");
		assertThat(joined).anySatisfy((line) -> assertThat(line).endsWith("#lobby ana: first words"));
		assertThat(this.ana.send("rooms")).contains("  #lobby (current)");
	}

	@Test
	@Order(3)
	void completesRoomNamesAndThePeopleInTheCurrentRoom() {
		assertThat(this.ana.complete("join lo")).contains("lobby");
		assertThat(this.ana.complete("send hi --to ")).containsExactly("ana", "bob");
		assertThat(this.bob.complete("leave ")).containsExactly("lobby");
		assertThat(this.bob.complete("wh")).contains("whoami");
	}

	@Test
	@Order(4)
	void takesALoneApostropheInAMessageAsPartOfIt() {
		assertThat(this.ana.lineIsComplete("send I'm here, aren't you?")).isTrue();
		assertThat(this.ana.run("send I'm here, aren't you?").output()).endsWith("#lobby you: I'm here, aren't you?");
	}

	@Test
	@Order(4)
	void printsMessagesLiveForTheOtherPerson() {
		this.bob.startLive();
		assertThat(this.ana.run("send are you there?").exitCode()).isZero();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.bob.screen()).contains("#lobby ana: are you there?"));
		assertThat(this.bob.run("send yes!").output()).endsWith("#lobby you: yes!");
		assertThat(this.ana.run("receive").output()).endsWith("#lobby bob: yes!");
	}

	@Test
	@Order(5)
	void deliversPrivateMessagesOnlyToTheirRecipient() {
		ChatConnection cidConnection = ChatConnection.connect(TestSystem.binderUrl(), Duration.ofSeconds(5));
		RegisteredUser cidUser = cidConnection.chat().registerUser("cid");
		cidConnection.useToken(cidUser.token());
		ChatService cid = cidConnection.chat();
		cid.joinRoom("cid", "lobby");
		assertThat(this.ana.run("send --to bob psst, bob").output()).endsWith("#lobby you -> bob [private]: psst, bob");
		assertThat(this.ana.run("send public again").exitCode()).isZero();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.bob.screen()).contains("#lobby ana -> you [private]: psst, bob"));
		List<Message> cidSees = cid.receiveMessages("cid", "lobby", 0, null);
		assertThat(cidSees).extracting(Message::content).contains("public again").doesNotContain("psst, bob");
	}

	@Test
	@Order(6)
	void leavesTheRoom() {
		assertThat(this.bob.run("leave").output()).isEqualTo("Left #lobby.");
		assertThat(this.ana.run("users").output()).isEqualTo("In #lobby: ana, cid.");
		Outcome roomless = this.bob.run("send anyone?");
		assertThat(roomless.output())
			.isEqualTo("No current room: join one first (`join ROOM`), or name the room in the command.");
		assertThat(roomless.exitCode()).isEqualTo(ErrorSentences.USAGE);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.ana.run("receive").output()).contains("*** bob left"));
	}

	@Test
	@Order(7)
	void turnsServerErrorsIntoOneSentenceAndAnExitCode() {
		Outcome noRoom = this.ana.run("join nowhere");
		assertThat(noRoom.output()).isEqualTo("No room named 'nowhere'. Try `rooms`.");
		assertThat(noRoom.exitCode()).isEqualTo(ErrorSentences.REFUSED);
		assertThat(this.ana.run("create-room LOBBY").output())
			.isEqualTo("A room named 'LOBBY' already exists. Join it with `join LOBBY`.");
		assertThat(this.ana.run("send --to bob are you gone?").output())
			.isEqualTo("'bob' is not in room 'lobby'. Try `users lobby`.");
		assertThat(this.ana.run("jion lobby").output()).isEqualTo("Unknown command 'jion'. Type `help` to list them.");
	}

	@Test
	@Order(8)
	void runsCommandsGivenAsArgumentsAndExitsWithTheirOutcome() {
		this.bob.session().signOut();
		StringWriter text = new StringWriter();
		PrintWriter out = new PrintWriter(text, true);
		List<String> commands = ScriptArguments.commands("--username=dora", "join lobby;", "send hello from a script");
		assertThat(this.bob.shell().runScript("dora", commands, out, out)).isZero();
		assertThat(text.toString()).contains("In the room: ana, cid, dora.")
			.contains("#lobby you: hello from a script");
		assertThat(this.bob.shell().runScript("dora", List.of("join nowhere", "send never sent"), out, out))
			.isEqualTo(ErrorSentences.REFUSED);
		assertThat(text.toString()).contains("No room named 'nowhere'.").doesNotContain("never sent");
		assertThat(this.bob.shell().runScript(null, List.of("rooms"), out, out)).isZero();
		assertThat(this.bob.shell().runScript(null, List.of("join lobby"), out, out)).isEqualTo(ErrorSentences.USAGE);
		assertThat(text.toString()).contains("Sign in first: start the shell with --username=NAME.");
	}

	private static String signIn(ShellUser user, String given, String... answers) {
		Deque<String> names = new ArrayDeque<>(List.of(answers));
		StringWriter text = new StringWriter();
		boolean signedIn = user.shell().signIn(given, (prompt) -> names.poll(), new PrintWriter(text, true));
		assertThat(signedIn).isTrue();
		return text.toString();
	}

}
