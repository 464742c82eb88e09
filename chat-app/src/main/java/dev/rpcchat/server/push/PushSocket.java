package dev.rpcchat.server.push;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.rpcchat.api.SubscriptionEnded;
import dev.rpcchat.rpc.RpcConnection;

/**
 * A WebSocket as the chat sees it: the session bound to it, if any, and its subscriptions
 * by room.
 */
final class PushSocket {

	private final RpcConnection connection;

	private final ConcurrentMap<String, RoomSubscription> subscriptions = new ConcurrentHashMap<>(4);

	private volatile Binding binding;

	PushSocket(RpcConnection connection) {
		this.connection = connection;
	}

	RpcConnection connection() {
		return this.connection;
	}

	Binding binding() {
		return this.binding;
	}

	void bind(Binding binding) {
		this.binding = binding;
	}

	/**
	 * Forgets the binding if it is this one.
	 * @param tokenHash the hash of the bound token
	 * @return whether it was bound to it
	 */
	synchronized boolean unbind(String tokenHash) {
		Binding bound = this.binding;
		if (bound == null || !bound.tokenHash().equals(tokenHash)) {
			return false;
		}
		this.binding = null;
		this.connection.bearerToken().ifPresent(this.connection::unbind);
		return true;
	}

	/**
	 * Puts a subscription in place of the socket's earlier one to its room, if any.
	 * @param subscription the new subscription
	 * @return the one it replaces, or {@code null}
	 */
	RoomSubscription replace(RoomSubscription subscription) {
		return this.subscriptions.put(subscription.roomKey(), subscription);
	}

	RoomSubscription remove(String roomKey) {
		return this.subscriptions.remove(roomKey);
	}

	/**
	 * Forgets a subscription that has ended, unless another has replaced it.
	 * @param subscription the subscription
	 */
	void forget(RoomSubscription subscription) {
		this.subscriptions.remove(subscription.roomKey(), subscription);
	}

	/**
	 * Ends every subscription of the socket.
	 * @param reason what to tell the client, or {@code null} to tell nothing
	 */
	void endAll(SubscriptionEnded.Reason reason) {
		for (RoomSubscription subscription : this.subscriptions.values()) {
			this.subscriptions.remove(subscription.roomKey(), subscription);
			subscription.end(reason);
		}
	}

	/**
	 * The session a socket carries.
	 *
	 * @param tokenHash the hash of its token
	 * @param username its user, as registered
	 */
	record Binding(String tokenHash, String username) {

	}

}
