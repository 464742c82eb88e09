package dev.rpcchat.bench;

import com.googlecode.jsonrpc4j.JsonRpcMethod;

/**
 * The ceiling's contract: one JSON-RPC method that does nothing, so that serving it costs
 * only the stack shared with the chat server.
 */
public interface NoopService {

	/**
	 * Does nothing.
	 * @return {@code true}
	 */
	@JsonRpcMethod("noop")
	boolean noop();

}
