package dev.rpcchat.rpc;

/**
 * A long-lived connection that JSON-RPC calls arrive on, such as a WebSocket: the service
 * may tell one from another and know whether it is still open.
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

}
