package dev.rpcchat.server;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.rpcchat.test.RpcTestClient.params;

/**
 * One chat server for the HTTP tests that can share it (every class extending this one
 * reuses the same context); each test uses names of its own. The rate limit is high here:
 * {@code LifetimeIntegrationTests} tests it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chat.binder.url=http://127.0.0.1:9/rpc", "chat.registration.ttl=1h",
				"chat.messages.per-second=1000", "chat.messages.burst=1000", "chat.limits.registrations-per-minute=0",
				"chat.limits.rooms-per-minute=0" })
abstract class ChatServerIntegrationTestSupport {

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	@BeforeEach
	void createClient() {
		this.rpc = RpcTestClient.to(this.port);
	}

	/** A name no other test uses, starting with the given one. */
	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	void createRoom(String token, String roomName) {
		this.rpc.result(token, "create_room", params("room_name", roomName));
	}

	JsonNode join(String token, String username, String roomName) {
		return this.rpc.result(token, "join_room", params("username", username, "room_name", roomName));
	}

	JsonNode send(String token, String username, String roomName, String message) {
		return this.rpc.result(token, "send_message",
				params("username", username, "room_name", roomName, "message", message));
	}

	JsonNode sendTo(String token, String username, String roomName, String recipient, String message) {
		return this.rpc.result(token, "send_message",
				params("username", username, "room_name", roomName, "message", message, "recipient", recipient));
	}

	JsonNode receive(String token, String username, String roomName) {
		return this.rpc.result(token, "receive_messages", params("username", username, "room_name", roomName));
	}

	static List<String> contents(JsonNode messages) {
		List<String> contents = new ArrayList<>();
		messages.forEach((message) -> contents.add(message.get("content").asText()));
		return contents;
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asText()));
		return texts;
	}

}
