package dev.rpcchat.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.jsonrpc4j.JsonRpcMethod;
import dev.rpcchat.test.TestCertificate;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.test.AppProcess;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.RpcTestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A binder and a chat server both on TLS, with a throwaway certificate made for the test:
 * the chat server registers {@code https} because it serves HTTPS, and a client that
 * trusts the certificate finds it, chats over HTTPS and gets pushed messages over
 * {@code wss://}; a client speaking plain HTTP, or not trusting the certificate, is
 * refused in a way it can tell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TlsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final int PROCEDURES = (int) Arrays.stream(ChatService.class.getMethods())
		.map((method) -> method.getAnnotation(JsonRpcMethod.class))
		.filter((method) -> method != null && !method.value().startsWith("rpc."))
		.map(JsonRpcMethod::value)
		.distinct()
		.count();

	private final TestCertificate certificate = TestCertificate.get();

	private AppProcess binder;

	private ConfigurableApplicationContext chat;

	private HttpClient trusting;

	@BeforeAll
	void startBinderAndChatServerOnTls() {
		this.binder = AppProcess.binder(this.certificate.serverArguments().toArray(String[]::new));
		List<String> chat = new ArrayList<>(List.of("--server.port=0", "--chat.registration.ttl=3s",
				"--chat.binder.url=https://localhost:" + this.binder.port() + "/rpc",
				"--management.endpoint.health.group.binder.include=binderRegistration"));
		chat.addAll(this.certificate.serverArguments());
		chat.addAll(this.certificate.trustArguments());
		this.chat = new SpringApplicationBuilder(ChatServerApplication.class).run(chat.toArray(String[]::new));
		this.trusting = HttpClient.newBuilder().sslContext(this.certificate.clientContext()).build();
	}

	@AfterAll
	void stopThem() {
		this.chat.close();
		this.binder.close();
	}

	@Test
	void theChatServerRegistersHttpsAndAClientThatTrustsTheCertificateChatsOverHttpsAndWss() {
		RpcTestClient binder = RpcTestClient.to(binderUrl(), trustingBuilder().build());
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(binder.result(null, "list_procedures", null)).hasSize(PROCEDURES)
				.allSatisfy((entry) -> assertThat(entry.get("scheme").asText()).isEqualTo("https")));
		JsonNode location = binder.result(null, "lookup_procedure", params("procedure_name", "register_user"));
		assertThat(location.get("scheme").asText()).isEqualTo("https");
		assertThat(location.get("port").asInt()).isEqualTo(port(this.chat));
		URI rpc = URI.create("https://" + location.get("address").asText() + ":" + location.get("port") + "/rpc");
		RpcTestClient https = RpcTestClient.to(rpc, trustingBuilder().build());
		String ana = https.register("tls-ana");
		https.result(ana, "create_room", params("room_name", "secure"));
		https.result(ana, "join_room", params("username", "tls-ana", "room_name", "secure"));
		URI wss = URI.create("wss://" + location.get("address").asText() + ":" + location.get("port") + "/rpc");
		try (RpcTestSocket bia = RpcTestSocket.open(this.trusting, wss)) {
			String token = bia.result("register_user", "username", "tls-bia").get("token").asText();
			assertThat(token).isNotBlank();
			bia.result("join_room", "username", "tls-bia", "room_name", "secure");
			bia.result("subscribe", "room_name", "secure");
			https.result(ana, "send_message",
					params("username", "tls-ana", "room_name", "secure", "message", "over TLS both ways"));
			assertThat(RpcTestSocket.contentsOf(bia.messages(1))).containsExactly("over TLS both ways");
		}
		assertThat(get(URI.create(rpc.resolve("/actuator/health/binder").toString())).statusCode()).isEqualTo(200);
	}

	@Test
	void plainHttpToATlsPortIsAnsweredWithA400SayingTheAddressNeedsTls() throws Exception {
		for (int port : List.of(port(this.chat), this.binder.port())) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/rpc"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"list_rooms\",\"id\":1}"))
				.build();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("This combination of host and port requires TLS.");
		}
	}

	@Test
	void aClientThatDoesNotTrustTheCertificateIsRefusedAtTheHandshake() {
		HttpRequest request = HttpRequest.newBuilder(binderUrl())
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"list_procedures\",\"id\":1}"))
			.build();
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
			.withMessageContaining("PKIX path building failed");
	}

	@Test
	void aChatServerOnPlainHttpRegistersHttpEvenWithABinderOnTls() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--chat.registration.ttl=3s",
				"--chat.binder.url=https://localhost:" + this.binder.port() + "/rpc"));
		arguments.addAll(this.certificate.trustArguments());
		try (ConfigurableApplicationContext plain = new SpringApplicationBuilder(ChatServerApplication.class)
			.run(arguments.toArray(String[]::new))) {
			RpcTestClient binder = RpcTestClient.to(binderUrl(), trustingBuilder().build());
			int plainPort = port(plain);
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(entriesOf(binder, plainPort)).hasSize(PROCEDURES)
					.allSatisfy((entry) -> assertThat(entry.get("scheme").asText()).isEqualTo("http")));
		}
	}

	@Test
	void aChatServerThatDoesNotTrustTheBindersCertificateServesAnywayAndItsHealthSaysWhy() throws Exception {
		try (ConfigurableApplicationContext untrusting = new SpringApplicationBuilder(ChatServerApplication.class).run(
				"--server.port=0", "--chat.binder.url=https://localhost:" + this.binder.port() + "/rpc",
				"--management.endpoint.health.show-details=always")) {
			URI health = URI.create("http://127.0.0.1:" + port(untrusting) + "/actuator/health");
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
					.body())
					.containsPattern("\"binderRegistration\":\\{\"details\":\\{[^}]*\"error\":\"SSLHandshakeException: "
							+ "[^\"]*PKIX path building failed[^}]*\\},\"status\":\"DOWN\""));
		}
	}

	@Test
	void logsHttpsWhereEachAppAnswersAndRegistersOverHttps(CapturedOutput output) {
		assertThat(this.binder.log()).contains("Binder listening on https://localhost:" + this.binder.port() + "/rpc");
		assertThat(output).contains("Chat server listening on https://127.0.0.1:" + port(this.chat) + "/rpc");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(output).contains("procedures with the binder at https://localhost:"
					+ this.binder.port() + "/rpc as 127.0.0.1:" + port(this.chat) + " over https (lease 3s"));
	}

	@Test
	void aTrustBundleThatDoesNotExistStopsTheStartNamingTheSettingWithoutATrace(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(ChatServerApplication.class)
			.run("--server.port=0", "--chat.tls.trust-bundle=no-such-bundle"));
		assertThat(output).contains("Invalid value 'no-such-bundle' for configuration property 'chat.tls.trust-bundle'")
			.contains("There is no SSL bundle of that name. Define it with "
					+ "spring.ssl.bundle.pem.no-such-bundle.truststore.certificate=<a PEM file>")
			.doesNotContain("\tat ");
	}

	private List<JsonNode> entriesOf(RpcTestClient binder, int chatPort) {
		List<JsonNode> entries = new ArrayList<>();
		binder.result(null, "list_procedures", null).forEach((entry) -> {
			if (entry.get("port").asInt() == chatPort) {
				entries.add(entry);
			}
		});
		return entries;
	}

	private HttpClient.Builder trustingBuilder() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(this.certificate.clientContext());
	}

	private HttpResponse<String> get(URI uri) {
		try {
			return this.trusting.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI binderUrl() {
		return URI.create("https://localhost:" + this.binder.port() + "/rpc");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
