package dev.rpcchat.rpc;

import java.util.Optional;

/**
 * A long-lived connection that JSON-RPC calls arrive on, such as a WebSocket: it may
 * carry a bearer token for every call made on it, and the server may push text to it.
 */
public interface RpcConnection {

	/**
	 * Names the connection, unique among the open connections of this server.
	 * @return the connection's id
	 */
	String id();

	/**
	 * Tells whether the connection is still open.
	 * @return {@code true} while the connection is open
	 */
	boolean isOpen();

	/**
	 * The bearer token bound to this connection, which every call made on it carries.
	 * @return the token, if one is bound
	 */
	Optional<String> bearerToken();

	/**
	 * Binds a bearer token to this connection, unless another one is bound.
	 * @param token the token
	 * @return {@code true} if the token is now bound (or already was), {@code false} if
	 * another token is bound
	 */
	boolean bind(String token);

	/**
	 * Unbinds a bearer token, if it is the one bound.
	 * @param token the token
	 * @return whether it was bound
	 */
	boolean unbind(String token);

	/**
	 * Queues a text message, prepared once for any number of connections, to be written
	 * after what is already queued. A connection whose queue has grown past its bound is
	 * closed ({@code 1013}) instead.
	 * @param text the message
	 * @return {@code false} if the connection is closed or has just been closed for being
	 * too slow
	 */
	boolean send(PreparedText text);

	/**
	 * How many bytes wait to be written, the message being written excluded: a sender of
	 * many messages may wait for it to fall before it sends more.
	 * @return the bytes queued
	 */
	long queuedBytes();

	/**
	 * Closes the connection with a WebSocket close code; does nothing if it is closed.
	 * @param code the close code, such as {@code 1008}
	 * @param reason a short reason for the peer
	 */
	void close(int code, String reason);

}
