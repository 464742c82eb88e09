package dev.rpcchat.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One simulated person: a username, its session token and its own keep-alive connection
 * to the chat server. A call whose server stops answering is made once more at another
 * server the binder names, as safely as a careful client would: a send with the same
 * {@code client_msg_id}, a read from the last message it returned ({@code after_id}).
 */
final class SimulatedUser implements AutoCloseable {

	private final String username;

	private final ChatServers servers;

	private final Map<String, Long> lastRead = new HashMap<>();

	private URI endpoint;

	private RpcClient chat;

	private String token;

	private long sends;

	SimulatedUser(String username, URI endpoint, ChatServers servers) {
		this.username = username;
		this.servers = servers;
		this.endpoint = endpoint;
		this.chat = servers.open(endpoint);
	}

	String username() {
		return this.username;
	}

	/**
	 * This user's session token.
	 * @return the token, {@code null} before {@link #register()}
	 */
	String token() {
		return this.token;
	}

	/**
	 * The server this user talks to now.
	 * @return its JSON-RPC endpoint
	 */
	URI endpoint() {
		return this.endpoint;
	}

	void register() throws RpcCallException {
		JsonNode registered = call("register_user", Map.of("username", this.username), true);
		this.token = registered.path("token").asText();
	}

	void unregister() throws RpcCallException {
		call("unregister_user", Map.of("username", this.username), false);
	}

	/**
	 * Creates a room, or does nothing if it exists.
	 * @param roomName the room
	 * @throws RpcCallException on any other error
	 */
	void createRoom(String roomName) throws RpcCallException {
		try {
			call("create_room", Map.of("room_name", roomName), false);
		}
		catch (RpcCallException ex) {
			if (!ex.code().equals("1003")) {
				throw ex;
			}
		}
	}

	void joinRoom(String roomName) throws RpcCallException {
		call("join_room", Map.of("username", this.username, "room_name", roomName), false);
	}

	void leaveRoom(String roomName) throws RpcCallException {
		Map<String, String> params = Map.of("username", this.username, "room_name", roomName);
		try {
			this.chat.invoke("leave_room", params, this.token);
		}
		catch (RpcCallException ex) {
			if (!ex.transportFailed()) {
				throw ex;
			}
			try {
				again("leave_room", params, false);
			}
			catch (RpcCallException notIn) {
				// The dead server may have done it before it died.
				if (!notIn.code().equals("1005")) {
					throw notIn;
				}
			}
		}
	}

	/**
	 * Sends a broadcast.
	 * @param roomName the room
	 * @param text the content
	 * @return the stored message's id
	 * @throws RpcCallException when it is not stored
	 */
	long sendMessage(String roomName, String text) throws RpcCallException {
		return call("send_message", sendParams(roomName, text), true).path("id").asLong();
	}

	/**
	 * Sends a broadcast without reading the stored message.
	 * @param roomName the room
	 * @param text the content
	 * @throws RpcCallException when it is not stored
	 */
	void sendMessageOnly(String roomName, String text) throws RpcCallException {
		call("send_message", sendParams(roomName, text), false);
	}

	/**
	 * A send's parameters, with a {@code client_msg_id} of its own, so that sending it
	 * again never stores it twice.
	 */
	private Map<String, Object> sendParams(String roomName, String text) {
		return Map.of("username", this.username, "room_name", roomName, "message", text, "client_msg_id",
				this.username + "-" + (++this.sends));
	}

	/**
	 * Reads what arrived since the last read, waiting for it if asked; read again at
	 * another server from the last message returned when the server stops answering.
	 * @param roomName the room
	 * @param waitSeconds how long to long-poll, or {@code null} not to wait
	 * @return the messages
	 * @throws RpcCallException on an error
	 */
	JsonNode receiveMessages(String roomName, Integer waitSeconds) throws RpcCallException {
		Map<String, Object> params = new HashMap<>(5);
		params.put("username", this.username);
		params.put("room_name", roomName);
		if (waitSeconds != null) {
			params.put("wait_seconds", waitSeconds);
		}
		JsonNode messages;
		try {
			messages = this.chat.call("receive_messages", params, this.token);
		}
		catch (RpcCallException ex) {
			if (!ex.transportFailed()) {
				throw ex;
			}
			// The lost answer may have moved the server's cursor past what it held.
			params.put("after_id", this.lastRead.getOrDefault(roomName, 0L));
			messages = again("receive_messages", params, true);
		}
		if (!messages.isEmpty()) {
			this.lastRead.merge(roomName, messages.get(messages.size() - 1).path("id").asLong(), Math::max);
		}
		return messages;
	}

	/**
	 * Reads what arrived since the last read without waiting, skipping over the answer.
	 * @param roomName the room
	 * @throws RpcCallException on an error
	 */
	void receiveMessagesOnly(String roomName) throws RpcCallException {
		call("receive_messages", Map.of("username", this.username, "room_name", roomName), false);
	}

	/**
	 * Reads a page of a room's history.
	 * @param roomName the room
	 * @param beforeId only messages older than this id, or {@code null} for the newest
	 * @param limit how many at most
	 * @return the page: {@code room_name}, {@code messages}, {@code has_more}
	 * @throws RpcCallException on an error
	 */
	JsonNode history(String roomName, Long beforeId, int limit) throws RpcCallException {
		return call("get_history", historyParams(roomName, beforeId, limit), true);
	}

	/**
	 * Reads a page of a room's history, skipping over the answer.
	 * @param roomName the room
	 * @param beforeId only messages older than this id, or {@code null} for the newest
	 * @param limit how many at most
	 * @throws RpcCallException on an error
	 */
	void historyOnly(String roomName, Long beforeId, int limit) throws RpcCallException {
		call("get_history", historyParams(roomName, beforeId, limit), false);
	}

	private static Map<String, Object> historyParams(String roomName, Long beforeId, int limit) {
		Map<String, Object> params = new HashMap<>(4);
		params.put("room_name", roomName);
		params.put("limit", limit);
		if (beforeId != null) {
			params.put("before_id", beforeId);
		}
		return params;
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
				calls.add(sendParams(roomName, "history message " + (stored + i)));
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
		call("noop", Map.of(), false);
	}

	/**
	 * Makes a call, once more at another server if this one stopped answering: sends
	 * carry a {@code client_msg_id}, joins and reads change nothing twice, and a repeated
	 * {@code create_room} or {@code register_user} is refused with an error that says
	 * what happened.
	 */
	private JsonNode call(String method, Map<String, ?> params, boolean readResult) throws RpcCallException {
		try {
			return this.chat.call(method, params, this.token, readResult);
		}
		catch (RpcCallException ex) {
			if (!ex.transportFailed()) {
				throw ex;
			}
			return again(method, params, readResult);
		}
	}

	/**
	 * Looks the procedure up again, past the server that failed, and makes the call
	 * there.
	 */
	private JsonNode again(String method, Map<String, ?> params, boolean readResult) throws RpcCallException {
		URI failed = this.endpoint;
		URI next = this.servers.relocate(method, failed);
		this.chat.close();
		this.chat = this.servers.open(next);
		this.endpoint = next;
		this.servers.moved(failed, next);
		try {
			return this.chat.call(method, params, this.token, readResult);
		}
		catch (RpcCallException ex) {
			this.servers.failedAgain();
			throw ex;
		}
	}

	@Override
	public void close() {
		this.chat.close();
	}

}
