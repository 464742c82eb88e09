package dev.rpcchat.server.push;

import dev.rpcchat.api.SubscriptionEnded;

/**
 * One socket's subscription to one room: who reads, and how far the socket has been
 * served.
 */
final class RoomSubscription {

	private final PushSocket socket;

	private final String roomKey;

	private final String roomName;

	private final String username;

	private final String tokenHash;

	private final RoomFeed feed;

	private volatile boolean cancelled;

	// Confined to the feed's delivery thread, once the catch-up has handed over.

	/** The id up to which every message of the room has been pushed or skipped. */
	long cursor;

	boolean live;

	boolean ended;

	RoomSubscription(PushSocket socket, String roomKey, String roomName, String username, String tokenHash,
			RoomFeed feed) {
		this.socket = socket;
		this.roomKey = roomKey;
		this.roomName = roomName;
		this.username = username;
		this.tokenHash = tokenHash;
		this.feed = feed;
	}

	PushSocket socket() {
		return this.socket;
	}

	String roomKey() {
		return this.roomKey;
	}

	String roomName() {
		return this.roomName;
	}

	String username() {
		return this.username;
	}

	String tokenHash() {
		return this.tokenHash;
	}

	RoomFeed feed() {
		return this.feed;
	}

	boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * Ends the subscription: nothing more is pushed for it after what is under way.
	 * @param reason what to tell the client, or {@code null} to tell nothing
	 */
	void end(SubscriptionEnded.Reason reason) {
		this.cancelled = true;
		this.feed.end(this, reason);
	}

}
