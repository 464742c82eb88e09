package dev.rpcchat.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One simulated person: a username, its session token and its own keep-alive connection
 * to the chat server.
 */
final class SimulatedUser implements AutoCloseable {

	private final String username;

	private final RpcClient chat;

	private String token;

	SimulatedUser(String username, RpcClient chat) {
		this.username = username;
		this.chat = chat;
	}

	String username() {
		return this.username;
	}

	void register() throws RpcCallException {
		JsonNode registered = this.chat.call("register_user", Map.of("username", this.username), null);
		this.token = registered.path("token").asText();
	}

	void unregister() throws RpcCallException {
		this.chat.invoke("unregister_user", Map.of("username", this.username), this.token);
	}

	/**
	 * Creates a room, or does nothing if it exists.
	 * @param roomName the room
	 * @throws RpcCallException on any other error
	 */
	void createRoom(String roomName) throws RpcCallException {
		try {
			this.chat.invoke("create_room", Map.of("room_name", roomName), this.token);
		}
		catch (RpcCallException ex) {
			if (!ex.code().equals("1003")) {
				throw ex;
			}
		}
	}

	void joinRoom(String roomName) throws RpcCallException {
		this.chat.invoke("join_room", Map.of("username", this.username, "room_name", roomName), this.token);
	}

	void leaveRoom(String roomName) throws RpcCallException {
		this.chat.invoke("leave_room", Map.of("username", this.username, "room_name", roomName), this.token);
	}

	/**
	 * Sends a broadcast.
	 * @param roomName the room
	 * @param text the content
	 * @return the stored message's id
	 * @throws RpcCallException when it is not stored
	 */
	long sendMessage(String roomName, String text) throws RpcCallException {
		JsonNode message = this.chat.call("send_message",
				Map.of("username", this.username, "room_name", roomName, "message", text), this.token);
		return message.path("id").asLong();
	}

	/**
	 * Sends a broadcast without reading the stored message.
	 * @param roomName the room
	 * @param text the content
	 * @throws RpcCallException when it is not stored
	 */
	void sendMessageOnly(String roomName, String text) throws RpcCallException {
		this.chat.invoke("send_message", Map.of("username", this.username, "room_name", roomName, "message", text),
				this.token);
	}

	/**
	 * Reads what arrived since the last read, waiting for it if asked.
	 * @param roomName the room
	 * @param waitSeconds how long to long-poll, or {@code null} not to wait
	 * @return the messages
	 * @throws RpcCallException on an error
	 */
	JsonNode receiveMessages(String roomName, Integer waitSeconds) throws RpcCallException {
		Map<String, Object> params = new HashMap<>(4);
		params.put("username", this.username);
		params.put("room_name", roomName);
		if (waitSeconds != null) {
			params.put("wait_seconds", waitSeconds);
		}
		return this.chat.call("receive_messages", params, this.token);
	}

	/**
	 * Reads what arrived since the last read without waiting, skipping over the answer.
	 * @param roomName the room
	 * @throws RpcCallException on an error
	 */
	void receiveMessagesOnly(String roomName) throws RpcCallException {
		this.chat.invoke("receive_messages", Map.of("username", this.username, "room_name", roomName), this.token);
	}

	/**
	 * Puts messages in a room quickly, in JSON-RPC batches, waiting out rate limits.
	 * @param roomName the room, which this user has joined
	 * @param count how many messages
	 * @param batchSize calls per batch
	 * @throws RpcCallException on an error other than a rate limit
	 * @throws InterruptedException when interrupted while waiting out a limit
	 */
	void fill(String roomName, int count, int batchSize) throws RpcCallException, InterruptedException {
		int stored = 0;
		while (stored < count) {
			int size = Math.min(batchSize, count - stored);
			List<Map<String, Object>> calls = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				calls.add(Map.of("username", this.username, "room_name", roomName, "message",
						"history message " + (stored + i)));
			}
			List<RpcCallException> errors = this.chat.batch("send_message", calls, this.token);
			long retryAfter = 0;
			for (RpcCallException error : errors) {
				if (!error.code().equals("1009")) {
					throw error;
				}
				retryAfter = Math.max(retryAfter, error.retryAfterMillis());
			}
			stored += size - errors.size();
			if (retryAfter > 0) {
				Thread.sleep(retryAfter);
			}
		}
	}

	/**
	 * Calls the no-op server's one method.
	 * @throws RpcCallException on an error
	 */
	void noop() throws RpcCallException {
		this.chat.invoke("noop", Map.of(), null);
	}

	@Override
	public void close() {
		this.chat.close();
	}

}
