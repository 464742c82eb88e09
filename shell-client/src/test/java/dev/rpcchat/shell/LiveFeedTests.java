package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.shell.connection.ChatConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shell's live feed, started over and over: each join must leave a running long poll
 * that prints what others send.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveFeedTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String ROOM = "cycles";

	private ShellUser erin;

	private ChatService finn;

	@BeforeAll
	void startAShellAndAnotherPerson() {
		this.erin = ShellUser.start(TestSystem.binderUrl());
		StringWriter text = new StringWriter();
		assertThat(this.erin.shell().signIn("erin", (prompt) -> null, new PrintWriter(text, true))).isTrue();
		this.erin.startLive();
		ChatConnection connection = ChatConnection.connect(TestSystem.binderUrl(), Duration.ofSeconds(5));
		RegisteredUser user = connection.chat().registerUser("finn");
		connection.useToken(user.token());
		this.finn = connection.chat();
		this.finn.createRoom(ROOM);
		this.finn.joinRoom("finn", ROOM);
	}

	@AfterAll
	void closeTheShell() {
		this.erin.close();
	}

	@Test
	void everyJoinStartsAFeedThatPrintsWhatOthersSend() {
		for (int cycle = 1; cycle <= 15; cycle++) {
			assertThat(this.erin.run("join " + ROOM).exitCode()).isZero();
			assertThat(this.erin.isLive(ROOM)).isTrue();
			String words = "ping number " + cycle + ".";
			this.finn.sendMessage("finn", ROOM, words, null, null);
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.erin.screen()).contains("finn: " + words));
			assertThat(this.erin.isLive(ROOM)).isTrue();
			assertThat(this.erin.run("leave " + ROOM).exitCode()).isZero();
			assertThat(this.erin.isLive(ROOM)).isFalse();
		}
	}

	@Test
	void joiningAgainRestartsAFeedThatEnded() {
		assertThat(this.erin.run("join " + ROOM).exitCode()).isZero();
		// Leaving behind the shell's back ends its long poll with "not in the room".
		this.erin.session().chat().leaveRoom("erin", ROOM);
		await().atMost(PATIENCE).until(() -> !this.erin.isLive(ROOM));
		assertThat(this.erin.run("join " + ROOM).exitCode()).isZero();
		assertThat(this.erin.isLive(ROOM)).isTrue();
		this.finn.sendMessage("finn", ROOM, "back again?", null, null);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.erin.screen()).contains("finn: back again?"));
		assertThat(this.erin.run("leave " + ROOM).exitCode()).isZero();
	}

}
