package dev.rpcchat.server.push;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.SubscriptionEnded;
import dev.rpcchat.rpc.PreparedText;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.Names;
import dev.rpcchat.server.user.UserRegistry;

/**
 * The rooms that sockets on this instance subscribe to, each with its {@link RoomFeed};
 * told of every message appended to any room (through the store's wake-ups, which on
 * Redis come from every instance), it hands each to its room's feed, if the room has one.
 */
final class RoomFeeds {

	/** How many messages one read of a catch-up takes. */
	static final int PAGE = 100;

	private final ChatStore store;

	private final UserRegistry users;

	private final SocketSessions sockets;

	private final ObjectMapper mapper;

	private final ConcurrentMap<String, RoomFeed> feeds = new ConcurrentHashMap<>();

	RoomFeeds(ChatStore store, UserRegistry users, SocketSessions sockets, ObjectMapper mapper) {
		this.store = store;
		this.users = users;
		this.sockets = sockets;
		this.mapper = mapper;
	}

	/**
	 * Hands a message appended to any room to its room's feed, if the room has one: an
	 * {@link dev.rpcchat.server.store.AppendListener} (not a bean of that type, which the
	 * stores take one of).
	 * @param message the message
	 */
	void appended(Message message) {
		RoomFeed feed = this.feeds.get(Names.key(message.roomName()));
		if (feed != null) {
			feed.appended(message);
		}
	}

	/**
	 * The feed of a room, counting one more subscription to it; the feed hears of every
	 * message appended from now on.
	 * @param roomKey the room's key
	 * @return the feed
	 */
	RoomFeed attach(String roomKey) {
		return this.feeds.compute(roomKey, (key, feed) -> {
			RoomFeed attached = (feed != null) ? feed : new RoomFeed(key, this);
			attached.subscribers++;
			return attached;
		});
	}

	/**
	 * Counts one subscription less to a feed, and drops the feed when none is left.
	 * @param feed the feed
	 */
	void detach(RoomFeed feed) {
		this.feeds.compute(feed.roomKey(), (key, current) -> {
			if (current != feed) {
				return current;
			}
			return (--feed.subscribers == 0) ? null : feed;
		});
	}

	/**
	 * How many rooms have subscribers on this instance.
	 * @return the number of feeds
	 */
	int size() {
		return this.feeds.size();
	}

	ChatStore store() {
		return this.store;
	}

	/**
	 * Why a subscription ends when its user is no longer in the room.
	 * @param subscription the subscription
	 * @return {@code SIGNED_OUT} if the session is ending or gone, else {@code LEFT_ROOM}
	 */
	SubscriptionEnded.Reason reasonFor(RoomSubscription subscription) {
		if (this.sockets.isSigningOut(subscription.tokenHash())) {
			return SubscriptionEnded.Reason.SIGNED_OUT;
		}
		try {
			return this.users.isLive(subscription.tokenHash()) ? SubscriptionEnded.Reason.LEFT_ROOM
					: SubscriptionEnded.Reason.SIGNED_OUT;
		}
		catch (RuntimeException ex) {
			return SubscriptionEnded.Reason.LEFT_ROOM;
		}
	}

	/**
	 * Writes the {@code message} notification of a message, once for every socket.
	 * @param message the message
	 * @return the notification's text
	 */
	PreparedText messageNotification(Message message) {
		return notification(ChatService.MESSAGE_NOTIFICATION, message);
	}

	PreparedText endedNotification(String roomName, SubscriptionEnded.Reason reason) {
		return notification(ChatService.SUBSCRIPTION_ENDED_NOTIFICATION, new SubscriptionEnded(roomName, reason));
	}

	private PreparedText notification(String method, Object params) {
		try {
			return PreparedText.ofUtf8(this.mapper.writeValueAsBytes(new Notification(method, params)));
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("A notification could not be written", ex);
		}
	}

	/**
	 * A JSON-RPC notification, as the wire has it.
	 *
	 * @param jsonrpc the protocol's version
	 * @param method the notification's name
	 * @param params its params
	 */
	record Notification(String jsonrpc, String method, Object params) {

		Notification(String method, Object params) {
			this("2.0", method, params);
		}

	}

}
