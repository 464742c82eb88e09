package dev.rpcchat.rpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers JSON-RPC requests that come by another transport than {@code POST /rpc}, such
 * as a WebSocket, exactly as {@code POST /rpc} answers them.
 */
public final class RpcDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(RpcDispatcher.class);

	private final Envelope envelope;

	RpcDispatcher(Envelope envelope) {
		this.envelope = envelope;
	}

	/**
	 * Answers one request, notification or batch.
	 * @param body the request's UTF-8 bytes
	 * @param caller who makes the calls
	 * @return the answer's UTF-8 bytes, or {@code null} when there is nothing to answer
	 */
	public byte[] answer(byte[] body, RpcCaller.Context caller) {
		try {
			return this.envelope.answer(body, caller);
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure answering a JSON-RPC request", ex);
			return this.envelope.internalError();
		}
	}

}
