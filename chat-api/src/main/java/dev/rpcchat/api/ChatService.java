package dev.rpcchat.api;

import java.util.List;

import com.googlecode.jsonrpc4j.JsonRpcMethod;
import com.googlecode.jsonrpc4j.JsonRpcParam;

/**
 * The chat server's JSON-RPC contract. Every method that names a {@code username}
 * requires {@code Authorization: Bearer <token>} of that user.
 */
public interface ChatService {

	/** The notification that pushes a message to a subscribed WebSocket. */
	String MESSAGE_NOTIFICATION = "message";

	/** The notification that tells a WebSocket one of its subscriptions has ended. */
	String SUBSCRIPTION_ENDED_NOTIFICATION = "subscription_ended";

	/**
	 * Claims a username, unique case-insensitively, and opens a session for it.
	 * @param username letters, digits, {@code _ - .}; at most 32
	 * @return the name as registered and its token
	 */
	@JsonRpcMethod("register_user")
	RegisteredUser registerUser(@JsonRpcParam("username") String username);

	/**
	 * Ends the session: leaves every room (announced) and frees the name.
	 * @param username the session's user
	 * @return {@code true}
	 */
	@JsonRpcMethod("unregister_user")
	boolean unregisterUser(@JsonRpcParam("username") String username);

	/**
	 * Keeps an idle session alive.
	 * @param username the session's user
	 * @return when the session now expires
	 */
	@JsonRpcMethod("heartbeat")
	SessionLease heartbeat(@JsonRpcParam("username") String username);

	/**
	 * Tells whose a token is and renews its session, like {@code heartbeat}; on a
	 * WebSocket, also binds the session to the socket.
	 * @param token the token {@code register_user} returned
	 * @return the session's user and when it now expires
	 */
	@JsonRpcMethod("authenticate")
	SessionLease authenticate(@JsonRpcParam("token") String token);

	/**
	 * Creates a room, unique case-insensitively; needs the token of any user.
	 * @param roomName letters, digits, {@code _ - .}; at most 64
	 * @return the room as created
	 */
	@JsonRpcMethod("create_room")
	Room createRoom(@JsonRpcParam("room_name") String roomName);

	/**
	 * Joins a room, announcing the join; joining a room one is in announces nothing.
	 * @param username the joining user
	 * @param roomName the room
	 * @return the users now in the room and its last 50 broadcasts, oldest first
	 */
	@JsonRpcMethod("join_room")
	JoinedRoom joinRoom(@JsonRpcParam("username") String username, @JsonRpcParam("room_name") String roomName);

	/**
	 * Leaves a room, announcing the leave.
	 * @param username the leaving user
	 * @param roomName the room
	 * @return {@code true}
	 */
	@JsonRpcMethod("leave_room")
	boolean leaveRoom(@JsonRpcParam("username") String username, @JsonRpcParam("room_name") String roomName);

	/**
	 * Sends a broadcast, or a unicast when {@code recipient} is given.
	 * @param username the sender, who must be in the room
	 * @param roomName the room
	 * @param message the text
	 * @param recipient the one user to receive it, who must be in the room, or
	 * {@code null} for everyone
	 * @param clientMsgId the client's id for safe resends, or {@code null}
	 * @return the message as stored
	 */
	@JsonRpcMethod("send_message")
	Message sendMessage(@JsonRpcParam("username") String username, @JsonRpcParam("room_name") String roomName,
			@JsonRpcParam("message") String message, @JsonRpcParam("recipient") @JsonRpcOptional String recipient,
			@JsonRpcParam("client_msg_id") @JsonRpcOptional String clientMsgId);

	/**
	 * Returns what this user may see that arrived in the room since the last call, and
	 * moves the cursor.
	 * @param username the reader, who must be in the room
	 * @param roomName the room
	 * @param waitSeconds 0 to 30: how long to wait for a first message, or {@code null}
	 * not to wait
	 * @param afterId the client's own cursor, or {@code null} to use the server's
	 * @return the messages, oldest first
	 */
	@JsonRpcMethod("receive_messages")
	List<Message> receiveMessages(@JsonRpcParam("username") String username, @JsonRpcParam("room_name") String roomName,
			@JsonRpcParam("wait_seconds") @JsonRpcOptional Integer waitSeconds,
			@JsonRpcParam("after_id") @JsonRpcOptional Long afterId);

	/**
	 * Pushes to the calling WebSocket, as {@code message} notifications, every message of
	 * a room that its session's user may see: those after {@code afterId} first, then
	 * each as it comes; replaces an earlier subscription to the room.
	 * @param roomName a room the user is in
	 * @param afterId the last message id the client has, or {@code null} for the newest
	 * @return the room and the newest message id at the time of the call
	 */
	@JsonRpcMethod("subscribe")
	Subscription subscribe(@JsonRpcParam("room_name") String roomName,
			@JsonRpcParam("after_id") @JsonRpcOptional Long afterId);

	/**
	 * Stops pushing a room's messages to the calling WebSocket.
	 * @param roomName the room
	 * @return whether the socket was subscribed to it
	 */
	@JsonRpcMethod("unsubscribe")
	boolean unsubscribe(@JsonRpcParam("room_name") String roomName);

	/**
	 * Lists the rooms.
	 * @return the room names, sorted case-insensitively
	 */
	@JsonRpcMethod("list_rooms")
	List<String> listRooms();

	/**
	 * Lists the users in a room.
	 * @param roomName the room
	 * @return the usernames, sorted case-insensitively
	 */
	@JsonRpcMethod("list_users")
	List<String> listUsers(@JsonRpcParam("room_name") String roomName);

}
