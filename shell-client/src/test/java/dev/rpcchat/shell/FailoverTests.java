package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.jsonrpc4j.JsonRpcMethod;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shell whose chat server dies under it, in the middle of a long poll and of a send: it
 * goes on through the other server the binder names, says so in one line, and shows every
 * message once. The two "servers" are one chat server and a proxy in front of it that
 * dies, so that both know the same users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailoverTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String ROOM = "failover";

	private final List<String> procedures = Arrays.stream(ChatService.class.getMethods())
		.map((method) -> method.getAnnotation(JsonRpcMethod.class))
		.filter((annotation) -> annotation != null)
		.map(JsonRpcMethod::value)
		.toList();

	private URI binderUrl;

	private URI server;

	private DyingProxy proxy;

	private ShellUser gina;

	private ChatService hugo;

	@BeforeAll
	void putADyingSecondAddressOfTheChatServerInTheBinder() throws Exception {
		this.binderUrl = TestSystem.binderUrl();
		this.server = lookup("join_room");
		this.proxy = DyingProxy.to(this.server.getPort());
		for (String procedure : this.procedures) {
			binder("register_procedure",
					Map.of("procedure_name", procedure, "address", "127.0.0.1", "port", this.proxy.port()));
		}
		// The binder hands the two addresses out in turn: make the shell's first turn
		// the proxy's.
		while (!lookup("register_user").equals(this.server)) {
			// next turn
		}
		this.gina = ShellUser.start(this.binderUrl);
		assertThat(this.gina.shell().signIn("gina", (prompt) -> null, new PrintWriter(new StringWriter(), true)))
			.isTrue();
		this.gina.startLive();
		ChatConnection connection = ChatConnection.connect(this.binderUrl, Duration.ofSeconds(5));
		RegisteredUser user = connection.chat().registerUser("hugo");
		connection.useToken(user.token());
		this.hugo = connection.chat();
	}

	@AfterAll
	void removeTheDeadAddress() throws Exception {
		this.proxy.close();
		for (String procedure : this.procedures) {
			binder("unregister_procedure",
					Map.of("procedure_name", procedure, "address", "127.0.0.1", "port", this.proxy.port()));
		}
		this.gina.close();
	}

	@Test
	void carriesOnThroughTheOtherServerShowingEveryMessageOnce() throws Exception {
		assertThat(this.gina.run("whoami").output()).contains("Chat server: http://127.0.0.1:" + this.proxy.port());
		this.hugo.createRoom(ROOM);
		this.hugo.joinRoom("hugo", ROOM);
		assertThat(this.gina.run("join " + ROOM).exitCode()).isZero();
		this.hugo.sendMessage("hugo", ROOM, "one, before", null, null);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.gina.screen()).contains("hugo: one, before"));
		// The server goes on, but its answers are lost: the live feed's long poll takes
		// "two" off the server's cursor, and a send is stored, neither reaching the
		// shell.
		this.proxy.swallowAnswers();
		this.hugo.sendMessage("hugo", ROOM, "two, answer lost", null, null);
		await().atMost(PATIENCE).until(() -> this.proxy.swallowed() > 0);
		int swallowedBefore = this.proxy.swallowed();
		CompletableFuture<ShellUser.Outcome> send = CompletableFuture
			.supplyAsync(() -> this.gina.run("send three, sent as it died"));
		await().atMost(PATIENCE).until(() -> this.proxy.swallowed() > swallowedBefore);
		this.proxy.kill();
		ShellUser.Outcome sent = send.get(30, TimeUnit.SECONDS);
		assertThat(sent.exitCode()).isZero();
		assertThat(sent.output()).contains("you: three, sent as it died");
		this.hugo.sendMessage("hugo", ROOM, "four, after", null, null);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.gina.screen()).contains("hugo: four, after"));
		String screen = this.gina.screen();
		assertThat(screen).containsOnlyOnce("hugo: one, before")
			.containsOnlyOnce("hugo: two, answer lost")
			.containsOnlyOnce("hugo: four, after")
			.containsOnlyOnce("The chat server at 127.0.0.1:" + this.proxy.port()
					+ " stopped answering; continuing through " + this.server.getAuthority() + ".")
			.doesNotContain("Retrying");
		List<Message> stored = this.hugo.receiveMessages("hugo", ROOM, 0, 0L);
		assertThat(stored).filteredOn((message) -> message.content().equals("three, sent as it died")).hasSize(1);
		assertThat(this.gina.run("whoami").output()).contains("Chat server: " + this.server);
		assertThat(this.gina.isLive(ROOM)).isTrue();
	}

	private URI lookup(String procedure) throws Exception {
		JsonNode location = binder("lookup_procedure", Map.of("procedure_name", procedure));
		return URI.create("http://" + location.path("address").asText() + ":" + location.path("port").asInt() + "/rpc");
	}

	private JsonNode binder(String method, Map<String, Object> params) {
		return RpcTestClient.to(this.binderUrl).result(method, params);
	}

}
