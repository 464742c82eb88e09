package dev.rpcchat.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * Answers JSON-RPC requests that come by another transport than {@code POST /rpc}, such
 * as a WebSocket, exactly as {@code POST /rpc} answers them.
 */
public final class RpcDispatcher {

	private final Envelope envelope;

	RpcDispatcher(Envelope envelope) {
		this.envelope = envelope;
	}

	/**
	 * Answers one request, notification or batch.
	 * @param body the request's UTF-8 bytes
	 * @param caller who makes the calls
	 * @return the answer's UTF-8 bytes, or {@code null} in it when there is nothing to
	 * answer; complete on return unless a call answers later
	 * ({@link RpcCaller#answerLater}), never completed exceptionally
	 */
	public CompletableFuture<byte[]> answer(byte[] body, RpcCaller.Context caller) {
		return this.envelope.answer(body, caller);
	}

}
