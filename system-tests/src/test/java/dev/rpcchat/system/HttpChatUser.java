package dev.rpcchat.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.RpcTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person chatting over plain HTTP, as {@code curl} or the shell would: JSON-RPC posts
 * to one chat server, long polls to read.
 */
final class HttpChatUser {

	private final RpcTestClient chat;

	private final String username;

	private final String token;

	private HttpChatUser(RpcTestClient chat, String username, String token) {
		this.chat = chat;
		this.username = username;
		this.token = token;
	}

	/**
	 * Registers a name on a chat server.
	 * @param chatPort the chat server's port on this machine
	 * @param username the name
	 * @return the signed-in user
	 */
	static HttpChatUser register(int chatPort, String username) {
		RpcTestClient chat = RpcTestClient.to(chatPort);
		JsonNode registered = new HttpChatUser(chat, username, null).result("register_user",
				Map.of("username", username));
		return new HttpChatUser(chat, registered.get("username").asText(), registered.get("token").asText());
	}

	/**
	 * The same session, talking to another chat server (of the same Redis store).
	 * @param chatPort the other server's port
	 * @return this user there
	 */
	HttpChatUser on(int chatPort) {
		return new HttpChatUser(RpcTestClient.to(chatPort), this.username, this.token);
	}

	String username() {
		return this.username;
	}

	void createRoom(String room) {
		result("create_room", Map.of("room_name", room));
	}

	void join(String room) {
		result("join_room", Map.of("username", this.username, "room_name", room));
	}

	/**
	 * Sends a message to everyone in a room, waiting as told when over the rate limit.
	 * @param room the room
	 * @param text the message
	 */
	void send(String room, String text) {
		Map<String, String> params = Map.of("username", this.username, "room_name", room, "message", text);
		JsonNode response = call("send_message", params);
		while (response.has("error") && response.get("error").get("code").asInt() == 1009) {
			pause(response.get("error").get("data").get("retry_after_ms").asLong());
			response = call("send_message", params);
		}
		assertThat(response.has("error")).as("send_message answered %s", response).isFalse();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(Math.max(1, millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void sendPrivately(String room, String recipient, String text) {
		result("send_message",
				Map.of("username", this.username, "room_name", room, "message", text, "recipient", recipient));
	}

	/**
	 * Reads what came to the room since the last read, waiting up to a second for it.
	 * @param room the room
	 * @return each message as {@code sender: content}, or {@code * content} for an
	 * announcement, with {@code (private to x)} for a unicast
	 */
	List<String> receive(String room) {
		JsonNode messages = result("receive_messages",
				Map.of("username", this.username, "room_name", room, "wait_seconds", 1));
		List<String> lines = new ArrayList<>();
		for (JsonNode message : messages) {
			lines.add(line(message));
		}
		return lines;
	}

	static String line(JsonNode message) {
		String type = message.get("type").asText();
		String content = message.get("content").asText();
		if (type.equals("system")) {
			return "* " + content;
		}
		String line = message.get("sender").asText() + ": " + content;
		return type.equals("unicast") ? line + " (private to " + message.get("recipient").asText() + ")" : line;
	}

	JsonNode result(String method, Map<String, ?> params) {
		JsonNode response = call(method, params);
		assertThat(response.has("error")).as("%s answered %s", method, response).isFalse();
		return response.get("result");
	}

	JsonNode call(String method, Map<String, ?> params) {
		return this.chat.call(this.token, method, params);
	}

}
