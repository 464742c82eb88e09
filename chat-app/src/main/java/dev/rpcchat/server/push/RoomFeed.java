package dev.rpcchat.server.push;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.api.SubscriptionEnded;
import dev.rpcchat.rpc.PreparedText;
import dev.rpcchat.server.store.Names;
import dev.rpcchat.server.store.PageResult;

/**
 * Pushes one room's messages to the sockets subscribed to it on this instance, one event
 * at a time on a virtual thread of its own: each message is written once per audience
 * (everyone, or the two ends of a private message) and the same text goes to every
 * socket. Each subscription moves a cursor through the room's ids; a message past the
 * next id (a wake-up that came out of order or was lost) first reads what lies between
 * from the store, so that a socket gets every message it may see, in order, once.
 */
final class RoomFeed {

	private static final Logger logger = LoggerFactory.getLogger(RoomFeed.class);

	private static final Comparator<Message> BY_ID = Comparator.comparingLong(Message::id);

	private final String roomKey;

	private final RoomFeeds feeds;

	private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean delivering = new AtomicBoolean();

	/** Subscriptions attached, live or catching up; guarded by the feeds' map. */
	int subscribers;

	// Confined to the delivery thread.

	private final List<RoomSubscription> live = new ArrayList<>();

	private long lastSeenId;

	private boolean pruneNeeded;

	RoomFeed(String roomKey, RoomFeeds feeds) {
		this.roomKey = roomKey;
		this.feeds = feeds;
	}

	String roomKey() {
		return this.roomKey;
	}

	/**
	 * Hands over a message appended to the room.
	 * @param message the message
	 */
	void appended(Message message) {
		offer(message);
	}

	/**
	 * Makes a subscription live once its catch-up has pushed every message up to an id.
	 * @param subscription the subscription
	 * @param cursor the id up to which its socket has been served
	 */
	void goLive(RoomSubscription subscription, long cursor) {
		offer(new GoLive(subscription, cursor));
	}

	/**
	 * Ends a subscription.
	 * @param subscription the subscription
	 * @param reason what to tell the client, or {@code null} to tell nothing
	 */
	void end(RoomSubscription subscription, SubscriptionEnded.Reason reason) {
		offer(new End(subscription, reason));
	}

	private void offer(Object event) {
		this.events.add(event);
		if (this.delivering.compareAndSet(false, true)) {
			Thread.ofVirtual().name("chat-room-feed").start(this::deliver);
		}
	}

	private void deliver() {
		do {
			List<Message> appended = new ArrayList<>();
			Object event;
			while ((event = this.events.poll()) != null) {
				if (event instanceof Message message) {
					appended.add(message);
					continue;
				}
				deliverAll(appended);
				handle(event);
			}
			deliverAll(appended);
			this.delivering.set(false);
		}
		while (!this.events.isEmpty() && this.delivering.compareAndSet(false, true));
	}

	private void handle(Object event) {
		switch (event) {
			case GoLive(RoomSubscription subscription, long cursor) -> {
				if (subscription.ended) {
					return;
				}
				subscription.cursor = cursor;
				// What this feed has seen meanwhile, the catch-up may not have read.
				if (this.lastSeenId > cursor) {
					catchUp(subscription, this.lastSeenId);
				}
				if (!subscription.ended) {
					subscription.live = true;
					this.live.add(subscription);
				}
				pruneEnded();
			}
			case End(RoomSubscription subscription, SubscriptionEnded.Reason reason) -> {
				finish(subscription, reason);
				pruneEnded();
			}
			default -> throw new IllegalStateException("Unknown event " + event);
		}
	}

	private void deliverAll(List<Message> appended) {
		if (appended.isEmpty()) {
			return;
		}
		// Wake-ups of concurrent sends may come out of order.
		appended.sort(BY_ID);
		for (Message message : appended) {
			deliver(message);
		}
		appended.clear();
	}

	private void deliver(Message message) {
		this.lastSeenId = Math.max(this.lastSeenId, message.id());
		PreparedText text = null;
		for (int i = 0; i < this.live.size(); i++) {
			RoomSubscription subscription = this.live.get(i);
			if (subscription.ended || message.id() <= subscription.cursor) {
				continue;
			}
			if (message.id() > subscription.cursor + 1) {
				catchUp(subscription, message.id() - 1);
				if (subscription.ended) {
					continue;
				}
			}
			if (isLeaveOf(message, subscription.username())) {
				finish(subscription, this.feeds.reasonFor(subscription));
				continue;
			}
			if (isVisibleTo(message, subscription.username())) {
				if (text == null) {
					text = this.feeds.messageNotification(message);
				}
				subscription.socket().connection().send(text);
			}
			subscription.cursor = message.id();
		}
		pruneEnded();
	}

	/**
	 * Pushes, from the store, what a subscription may see after its cursor up to an id.
	 */
	private void catchUp(RoomSubscription subscription, long upTo) {
		try {
			while (subscription.cursor < upTo) {
				PageResult result = this.feeds.store()
					.messagesAfter(subscription.roomName(), subscription.username(), subscription.cursor,
							RoomFeeds.PAGE);
				if (!(result instanceof PageResult.Page page)) {
					finish(subscription, this.feeds.reasonFor(subscription));
					return;
				}
				boolean passed = false;
				for (Message message : page.messages()) {
					if (message.id() > upTo) {
						passed = true;
						break;
					}
					subscription.socket().connection().send(this.feeds.messageNotification(message));
					subscription.cursor = message.id();
				}
				// The page holds every visible message up to upTo: the room's newest id
				// is
				// at least upTo, which was stored before this feed heard of it.
				if (passed || !page.more()) {
					subscription.cursor = upTo;
				}
			}
		}
		catch (RuntimeException ex) {
			// Nothing is lost: the client subscribes again with the last id it has.
			logger.warn("Could not read room {} to catch a socket up; closing the socket", this.roomKey, ex);
			subscription.socket().connection().close(1011, "Could not read the room; subscribe again");
			finish(subscription, null);
		}
	}

	private void finish(RoomSubscription subscription, SubscriptionEnded.Reason reason) {
		if (subscription.ended) {
			return;
		}
		subscription.ended = true;
		this.pruneNeeded |= subscription.live;
		subscription.socket().forget(subscription);
		if (reason != null) {
			subscription.socket().connection().send(this.feeds.endedNotification(subscription.roomName(), reason));
		}
		this.feeds.detach(this);
	}

	private void pruneEnded() {
		if (this.pruneNeeded) {
			this.live.removeIf((subscription) -> subscription.ended);
			this.pruneNeeded = false;
		}
	}

	private static boolean isLeaveOf(Message message, String username) {
		String content = message.content();
		return message.type() == MessageType.SYSTEM && content.length() == username.length() + 5
				&& content.endsWith(" left")
				&& Names.key(content.substring(0, username.length())).equals(Names.key(username));
	}

	/**
	 * Whether a subscriber may see a message: public ones, and private ones to or from
	 * it.
	 */
	static boolean isVisibleTo(Message message, String username) {
		return message.type() != MessageType.UNICAST || message.recipient().equalsIgnoreCase(username)
				|| message.sender().equalsIgnoreCase(username);
	}

	private record GoLive(RoomSubscription subscription, long cursor) {

	}

	private record End(RoomSubscription subscription, SubscriptionEnded.Reason reason) {

	}

}
