package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.googlecode.jsonrpc4j.JsonRpcMethod;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.test.AppProcess;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shell talking to a chat server that lets hostile text through (an older server, or a
 * hostile one), found through a real binder: no control character, escape sequence or
 * bidirectional override reaches the terminal, and a message's second line cannot pass
 * for a message of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTextTests {

	private static final String ESCAPED_CLEAR_SCREEN = "\\x1b[2J\\x1b[31m";

	private AppProcess binder;

	private HostileServer server;

	private ShellUser mallory;

	private String signedIn;

	@BeforeAll
	void putAHostileChatServerBehindABinder() throws Exception {
		this.binder = TestSystem.startBinder();
		this.server = HostileServer.start();
		URI binderUrl = this.binder.rpcUrl();
		for (String procedure : Arrays.stream(ChatService.class.getMethods())
			.map((method) -> method.getAnnotation(JsonRpcMethod.class).value())
			.toList()) {
			register(binderUrl, procedure);
		}
		this.mallory = ShellUser.start(binderUrl);
		StringWriter text = new StringWriter();
		assertThat(this.mallory.shell().signIn("mallory", (prompt) -> null, new PrintWriter(text, true))).isTrue();
		this.signedIn = text.toString();
	}

	@AfterAll
	void stop() {
		this.mallory.close();
		this.server.close();
		this.binder.close();
	}

	@Test
	void showsReceivedNamesEscaped() {
		assertThat(this.signedIn).contains("Signed in as mal" + ESCAPED_CLEAR_SCREEN + "lory.");
		String joined = safe(this.mallory.run("join lobby").output());
		assertThat(joined).startsWith("Joined #lob\\u202eby (now your current room). In the room: mal"
				+ ESCAPED_CLEAR_SCREEN + "lory, bia\\x9b2J.");
		assertThat(safe(this.mallory.run("users").output())).contains("#lob\\u202eby");
		assertThat(safe(this.mallory.run("rooms").output())).contains("#lob\\u202eby (current)");
		assertThat(safe(this.mallory.run("whoami").output())).contains("Rooms: #lob\\u202eby");
	}

	@Test
	void showsAMessageOfSeveralLinesAsContinuationLinesWithControlsEscapedAndTabsExpanded() {
		List<String> lines = safe(this.mallory.run("join lobby").output()).lines().toList();
		int first = lines
			.indexOf(lines.stream().filter((line) -> line.contains("bia\\x9b2J: hello")).findFirst().get());
		assertThat(lines.get(first)).endsWith("#lob\\u202eby bia\\x9b2J: hello " + ESCAPED_CLEAR_SCREEN + "all");
		assertThat(lines.get(first + 1)).isEqualTo(MessageRenderer.CONTINUATION + HostileServer.FAKE_LINE);
		assertThat(lines.get(first + 2)).isEqualTo(MessageRenderer.CONTINUATION + "tab     here\\x07\\x08");
		assertThat(lines).noneMatch((line) -> line.startsWith("[12:00:00]"));
	}

	@Test
	void printsLiveMessagesEscaped() {
		this.mallory.run("join lobby");
		this.mallory.startLive();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mallory.screen()).contains(HostileServer.FAKE_LINE));
		String screen = safe(this.mallory.screen());
		assertThat(screen).contains(MessageRenderer.CONTINUATION + HostileServer.FAKE_LINE)
			.contains("bia\\x9b2J: hello " + ESCAPED_CLEAR_SCREEN + "all");
	}

	@Test
	void showsWhatTheServerSendsBackInErrorsEscaped() {
		assertThat(safe(this.mallory.run("send too long").output()))
			.isEqualTo("A message must not be blank or longer than the server allows (" + ESCAPED_CLEAR_SCREEN
					+ " characters).");
		assertThat(safe(this.mallory.run("create-room anything").output()))
			.isEqualTo("The server did not accept that request (internal " + ESCAPED_CLEAR_SCREEN + "error).");
		assertThat(safe(this.mallory.run("send hi").output())).endsWith("you: hi" + ESCAPED_CLEAR_SCREEN);
	}

	/**
	 * Asserts that nothing unsafe is in the text: only newlines separate its lines.
	 */
	private static String safe(String text) {
		assertThat(text.chars()
			.filter((c) -> c != '\n' && c != '\r' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)
					|| (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))))
			.as("control characters in %s", text)
			.isEmpty();
		return text;
	}

	private void register(URI binderUrl, String procedure) {
		assertThat(RpcTestClient.to(binderUrl)
			.result("register_procedure",
					Map.of("procedure_name", procedure, "address", "127.0.0.1", "port", this.server.port()))
			.asBoolean()).isTrue();
	}

}
