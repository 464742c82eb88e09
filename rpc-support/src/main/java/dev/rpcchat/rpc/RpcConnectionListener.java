package dev.rpcchat.rpc;

/**
 * Told when a long-lived connection, such as a WebSocket, opens and closes; an
 * application declares its listeners as beans.
 */
public interface RpcConnectionListener {

	/**
	 * Called once a connection is open, before any call on it is dispatched; its bearer
	 * token is bound if the opening request carried one.
	 * @param connection the connection
	 */
	default void opened(RpcConnection connection) {
	}

	/**
	 * Called once a connection is closed, whoever closed it.
	 * @param connection the connection
	 */
	default void closed(RpcConnection connection) {
	}

}
