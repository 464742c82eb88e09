package dev.rpcchat.server.push;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.rpcchat.api.SubscriptionEnded;
import dev.rpcchat.rpc.RpcConnection;
import dev.rpcchat.rpc.RpcConnectionListener;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.user.UserRegistry;

/**
 * The WebSockets open on this instance and the sessions bound to them. An open, bound
 * socket keeps its session alive: {@link #renewAll()} renews every bound session well
 * within its TTL, and a socket's close renews it once more, so that the TTL runs from the
 * close. Renewing through the store, like any call, works whatever the store and however
 * many instances share it.
 */
final class SocketSessions implements RpcConnectionListener {

	static final int POLICY_VIOLATION = 1008;

	private static final Logger logger = LoggerFactory.getLogger(SocketSessions.class);

	private final UserRegistry users;

	private final ConcurrentMap<RpcConnection, PushSocket> sockets = new ConcurrentHashMap<>();

	private final Set<String> signingOut = ConcurrentHashMap.newKeySet();

	private volatile boolean renewalFailing;

	SocketSessions(UserRegistry users) {
		this.users = users;
	}

	@Override
	public void opened(RpcConnection connection) {
		PushSocket socket = new PushSocket(connection);
		this.sockets.put(connection, socket);
		Optional<String> token = connection.bearerToken();
		if (token.isEmpty()) {
			return;
		}
		String tokenHash = UserRegistry.tokenHash(token.get());
		Optional<Session> session = this.users.renew(tokenHash);
		if (session.isEmpty()) {
			connection.unbind(token.get());
			connection.close(POLICY_VIOLATION, "Unknown or expired token");
			return;
		}
		socket.bind(new PushSocket.Binding(tokenHash, session.get().username()));
	}

	@Override
	public void closed(RpcConnection connection) {
		PushSocket socket = this.sockets.remove(connection);
		if (socket == null) {
			return;
		}
		socket.endAll(null);
		PushSocket.Binding binding = socket.binding();
		if (binding != null) {
			try {
				// The session's TTL starts now.
				this.users.renew(binding.tokenHash());
			}
			catch (RuntimeException ex) {
				logger.debug("Could not renew the session of a closed socket", ex);
			}
		}
	}

	/**
	 * The socket of a connection.
	 * @param connection the connection
	 * @return the socket, or {@code null} once it is closed
	 */
	PushSocket socket(RpcConnection connection) {
		return this.sockets.get(connection);
	}

	/**
	 * Binds a session to a socket, unless another one is bound.
	 * @param connection the socket's connection
	 * @param token the session's token
	 * @param username the session's user
	 * @return whether the session is now bound
	 */
	boolean bind(RpcConnection connection, String token, String username) {
		if (!connection.bind(token)) {
			return false;
		}
		PushSocket socket = this.sockets.get(connection);
		if (socket != null) {
			socket.bind(new PushSocket.Binding(UserRegistry.tokenHash(token), username));
		}
		return true;
	}

	/**
	 * Marks a session as signing out while its user leaves every room, so that the
	 * subscriptions that end meanwhile say {@code SIGNED_OUT}.
	 * @param tokenHash the hash of the session's token
	 */
	void signingOut(String tokenHash) {
		this.signingOut.add(tokenHash);
	}

	void signingOutDone(String tokenHash) {
		this.signingOut.remove(tokenHash);
	}

	boolean isSigningOut(String tokenHash) {
		return this.signingOut.contains(tokenHash);
	}

	/**
	 * Unbinds a session that has ended from every socket on this instance and ends their
	 * subscriptions.
	 * @param tokenHash the hash of the session's token
	 */
	void signedOut(String tokenHash) {
		for (PushSocket socket : this.sockets.values()) {
			if (socket.unbind(tokenHash)) {
				socket.endAll(SubscriptionEnded.Reason.SIGNED_OUT);
			}
		}
	}

	/**
	 * Renews the session of every bound socket; a session found gone (signed out through
	 * another socket or instance) is unbound from its sockets.
	 */
	void renewAll() {
		Set<String> bound = this.sockets.values()
			.stream()
			.map(PushSocket::binding)
			.filter((binding) -> binding != null)
			.map(PushSocket.Binding::tokenHash)
			.collect(Collectors.toSet());
		try {
			for (String tokenHash : bound) {
				if (this.users.renew(tokenHash).isEmpty()) {
					signedOut(tokenHash);
				}
			}
			if (this.renewalFailing) {
				logger.info("Renewing the sessions of open WebSockets works again");
				this.renewalFailing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!this.renewalFailing) {
				logger.warn("Could not renew the sessions of open WebSockets ({}); trying again", ex.getMessage());
				this.renewalFailing = true;
			}
			else {
				logger.debug("Still cannot renew the sessions of open WebSockets", ex);
			}
		}
	}

	/**
	 * How many sockets are open.
	 * @return the number of sockets
	 */
	int size() {
		return this.sockets.size();
	}

}
