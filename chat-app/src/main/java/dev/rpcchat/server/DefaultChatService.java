package dev.rpcchat.server;

import java.util.List;
import java.util.Optional;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.JoinedRoom;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.api.Room;
import dev.rpcchat.api.SessionLease;
import dev.rpcchat.api.Subscription;
import dev.rpcchat.rpc.InvalidParamsException;
import dev.rpcchat.server.message.MessageService;
import dev.rpcchat.server.push.PushService;
import dev.rpcchat.server.room.RoomService;
import dev.rpcchat.server.store.Names;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.user.UserRegistry;

/**
 * The chat service of protocol.md: checks the parameters' range and the caller's token,
 * then hands the call to its feature.
 */
class DefaultChatService implements ChatService {

	private static final int MAX_WAIT_SECONDS = 30;

	private final UserRegistry users;

	private final RoomService rooms;

	private final MessageService messages;

	private final PushService push;

	DefaultChatService(UserRegistry users, RoomService rooms, MessageService messages, PushService push) {
		this.users = users;
		this.rooms = rooms;
		this.messages = messages;
		this.push = push;
	}

	@Override
	public RegisteredUser registerUser(String username) {
		this.users.renewCaller();
		this.push.requireUnboundSocket();
		RegisteredUser registered = this.users.register(username);
		this.push.bindRegistered(registered);
		return registered;
	}

	@Override
	public boolean unregisterUser(String username) {
		this.push.signOut(() -> this.users.unregister(username));
		return true;
	}

	@Override
	public SessionLease heartbeat(String username) {
		return this.users.heartbeat(username);
	}

	@Override
	public SessionLease authenticate(String token) {
		return this.push.authenticate(token);
	}

	@Override
	public Room createRoom(String roomName) {
		this.users.authenticateAnyone();
		return this.rooms.create(roomName);
	}

	@Override
	public JoinedRoom joinRoom(String username, String roomName) {
		Session session = this.users.authenticate(username);
		return this.rooms.join(session.username(), roomName);
	}

	@Override
	public boolean leaveRoom(String username, String roomName) {
		Session session = this.users.authenticate(username);
		this.rooms.leave(session.username(), roomName);
		return true;
	}

	@Override
	public Message sendMessage(String username, String roomName, String message, String recipient, String clientMsgId) {
		// The common case in one step of the store: token, repeat, room state, rate,
		// append.
		Optional<String> tokenHash = this.users.callerTokenHash();
		if (tokenHash.isPresent() && username != null && this.messages.isWellFormed(roomName, message, recipient)) {
			Optional<Message> sent = this.messages.send(tokenHash.get(), username, roomName, message, recipient,
					clientMsgId);
			if (sent.isPresent()) {
				return sent.get();
			}
		}
		// Else each check in turn, for its error: first the token's.
		Session session = this.users.authenticate(username);
		return this.messages.send(session.username(), roomName, message, recipient, clientMsgId);
	}

	@Override
	public List<Message> receiveMessages(String username, String roomName, Integer waitSeconds, Long afterId) {
		if (waitSeconds != null && (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS)) {
			throw new InvalidParamsException("wait_seconds must be between 0 and " + MAX_WAIT_SECONDS + ".");
		}
		// The common case: the session renewed in the store's step of the first read.
		Optional<String> tokenHash = this.users.callerTokenHash();
		if (tokenHash.isPresent() && username != null && Names.isValidRoomName(roomName)) {
			Optional<List<Message>> messages = this.messages.receive(tokenHash.get(), username, roomName, waitSeconds,
					afterId);
			if (messages.isPresent()) {
				return messages.get();
			}
		}
		// Else each check in turn, for its error: first the token's.
		Session session = this.users.authenticate(username);
		return this.messages.receive(session.username(), roomName, waitSeconds, afterId);
	}

	@Override
	public Subscription subscribe(String roomName, Long afterId) {
		return this.push.subscribe(roomName, afterId);
	}

	@Override
	public boolean unsubscribe(String roomName) {
		return this.push.unsubscribe(roomName);
	}

	@Override
	public List<String> listRooms() {
		this.users.renewCaller();
		return this.rooms.roomNames();
	}

	@Override
	public List<String> listUsers(String roomName) {
		this.users.renewCaller();
		return this.rooms.members(roomName);
	}

}
