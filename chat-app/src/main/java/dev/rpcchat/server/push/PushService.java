package dev.rpcchat.server.push;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.api.SessionLease;
import dev.rpcchat.api.Subscription;
import dev.rpcchat.rpc.RpcCaller;
import dev.rpcchat.rpc.RpcConnection;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.Names;
import dev.rpcchat.server.store.PageResult;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.user.UserRegistry;

/**
 * The chat calls that know of WebSockets: binding a session to the socket a call came on
 * ({@code register_user}, {@code authenticate}), unbinding it ({@code unregister_user}),
 * and {@code subscribe} / {@code unsubscribe}. Over plain HTTP the binding steps do
 * nothing and subscriptions are refused (1010).
 */
public class PushService {

	private static final Logger logger = LoggerFactory.getLogger(PushService.class);

	private final SocketSessions sockets;

	private final RoomFeeds feeds;

	private final UserRegistry users;

	private final ChatStore store;

	private final long catchUpQueueLimit;

	PushService(SocketSessions sockets, RoomFeeds feeds, UserRegistry users, ChatStore store, int maxQueuedBytes) {
		this.sockets = sockets;
		this.feeds = feeds;
		this.users = users;
		this.store = store;
		this.catchUpQueueLimit = maxQueuedBytes / 2;
	}

	/**
	 * Refuses a {@code register_user} on a socket that already carries a session, before
	 * anyone is registered.
	 */
	public void requireUnboundSocket() {
		Optional<RpcConnection> connection = RpcCaller.connection();
		if (connection.isPresent() && connection.get().bearerToken().isPresent()) {
			throw alreadyBound();
		}
	}

	/**
	 * Binds the session of a user just registered to the socket the call came on; if
	 * another registration on the same socket won the race, undoes this one.
	 * @param user the registered user and token
	 */
	public void bindRegistered(RegisteredUser user) {
		Optional<RpcConnection> connection = RpcCaller.connection();
		if (connection.isPresent() && !this.sockets.bind(connection.get(), user.token(), user.username())) {
			this.users.discard(user);
			throw alreadyBound();
		}
	}

	/**
	 * Answers {@code authenticate}: checks and renews the token's session and, on a
	 * socket, binds it.
	 * @param token the token
	 * @return the session's user and expiry
	 */
	public SessionLease authenticate(String token) {
		Optional<RpcConnection> connection = RpcCaller.connection();
		if (connection.isPresent()) {
			Optional<String> bound = connection.get().bearerToken();
			if (bound.isPresent() && !bound.get().equals(token)) {
				throw alreadyBound();
			}
		}
		Session session = this.users.authenticateToken(token);
		if (connection.isPresent() && !this.sockets.bind(connection.get(), token, session.username())) {
			throw alreadyBound();
		}
		return new SessionLease(session.username(), session.expiresAt());
	}

	/**
	 * Runs {@code unregister_user}; the subscriptions it ends say {@code SIGNED_OUT}, and
	 * the session is unbound from its sockets on this instance.
	 * @param unregister the sign-out
	 */
	public void signOut(Runnable unregister) {
		Optional<String> tokenHash = this.users.callerTokenHash();
		if (tokenHash.isEmpty()) {
			unregister.run();
			return;
		}
		this.sockets.signingOut(tokenHash.get());
		try {
			unregister.run();
			this.sockets.signedOut(tokenHash.get());
		}
		finally {
			this.sockets.signingOutDone(tokenHash.get());
		}
	}

	/**
	 * Answers {@code subscribe}.
	 * @param roomName the room
	 * @param afterId the last id the client has, or {@code null}
	 * @return the room and its newest id
	 */
	public Subscription subscribe(String roomName, Long afterId) {
		PushSocket socket = boundSocket("subscribe");
		Session session = this.users.authenticateAnyone();
		requireValidRoomName(roomName);
		long lastId = newestIdFor(roomName, session.username());
		String roomKey = Names.key(roomName);
		String registeredName = registeredName(session.username(), roomName);
		RoomFeed feed = this.feeds.attach(roomKey);
		RoomSubscription subscription = new RoomSubscription(socket, roomKey, registeredName, session.username(),
				socket.binding().tokenHash(), feed);
		RoomSubscription replaced = socket.replace(subscription);
		if (replaced != null) {
			replaced.end(null);
		}
		if (!socket.connection().isOpen()) {
			socket.forget(subscription);
			subscription.end(null);
		}
		else {
			long start = (afterId != null) ? Math.max(0, afterId) : lastId;
			Thread.ofVirtual().name("chat-catch-up").start(() -> catchUp(subscription, start));
		}
		return new Subscription(registeredName, lastId);
	}

	/**
	 * Answers {@code unsubscribe}.
	 * @param roomName the room
	 * @return whether the socket was subscribed to it
	 */
	public boolean unsubscribe(String roomName) {
		PushSocket socket = boundSocket("unsubscribe");
		this.users.authenticateAnyone();
		requireValidRoomName(roomName);
		RoomSubscription subscription = socket.remove(Names.key(roomName));
		if (subscription == null) {
			return false;
		}
		subscription.end(null);
		return true;
	}

	/**
	 * Pushes what the store holds after {@code start}, page by page and no faster than
	 * the socket takes it, then hands the subscription to its room's feed.
	 */
	private void catchUp(RoomSubscription subscription, long start) {
		RpcConnection connection = subscription.socket().connection();
		long cursor = start;
		try {
			while (!subscription.isCancelled()) {
				PageResult result = this.store.messagesAfter(subscription.roomName(), subscription.username(), cursor,
						RoomFeeds.PAGE);
				if (!(result instanceof PageResult.Page page)) {
					subscription.end(this.feeds.reasonFor(subscription));
					return;
				}
				for (Message message : page.messages()) {
					awaitRoomToWrite(connection);
					if (subscription.isCancelled()) {
						return;
					}
					connection.send(this.feeds.messageNotification(message));
					cursor = message.id();
				}
				if (!page.more()) {
					subscription.feed().goLive(subscription, Math.max(cursor, page.newestId()));
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			// Nothing is lost: the client subscribes again with the last id it has.
			logger.warn("Could not catch a socket up on room {}; closing the socket", subscription.roomName(), ex);
			connection.close(1011, "Could not read the room; subscribe again");
			subscription.end(null);
		}
	}

	/**
	 * Waits, while the socket is open, until what waits to be written to it is under half
	 * its bound, so that a long catch-up never closes it as too slow.
	 */
	private void awaitRoomToWrite(RpcConnection connection) {
		while (connection.isOpen() && connection.queuedBytes() > this.catchUpQueueLimit) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private PushSocket boundSocket(String method) {
		RpcConnection connection = RpcCaller.connection()
			.orElseThrow(() -> new ChatException(ErrorCode.WEBSOCKET_REQUIRED,
					method + " works only on a WebSocket: connect to ws://HOST:PORT/rpc."));
		PushSocket socket = this.sockets.socket(connection);
		if (socket == null || socket.binding() == null || connection.bearerToken().isEmpty()) {
			throw new ChatException(ErrorCode.UNAUTHORIZED,
					"This socket carries no session: call register_user or authenticate on it first.");
		}
		return socket;
	}

	private long newestIdFor(String roomName, String username) {
		return switch (this.store.messagesAfter(roomName, username, Long.MAX_VALUE, 1)) {
			case PageResult.Page page -> page.newestId();
			case PageResult.NotMember() ->
				throw new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in room " + roomName + ".");
			case PageResult.NoSuchRoom() ->
				throw new ChatException(ErrorCode.ROOM_NOT_FOUND, "There is no room " + roomName + ".");
		};
	}

	private String registeredName(String username, String roomName) {
		String key = Names.key(roomName);
		return this.store.roomsOf(username)
			.stream()
			.filter((name) -> Names.key(name).equals(key))
			.findFirst()
			.orElse(roomName);
	}

	private static void requireValidRoomName(String roomName) {
		if (!Names.isValidRoomName(roomName)) {
			throw new ChatException(ErrorCode.INVALID_NAME, "A room name is 1 to 64 letters, digits, '_', '-' or '.'.");
		}
	}

	private static ChatException alreadyBound() {
		return new ChatException(ErrorCode.UNAUTHORIZED,
				"This socket already carries another session: open another socket for it.");
	}

}
