package dev.rpcchat.bench;

/**
 * A call that did not return a result: a JSON-RPC error, an HTTP status without one, or a
 * broken connection.
 */
final class RpcCallException extends Exception {

	private final String code;

	private final long retryAfterMillis;

	RpcCallException(String code, String message) {
		this(code, message, 0);
	}

	RpcCallException(String code, String message, long retryAfterMillis) {
		super(message, null, false, false);
		this.code = code;
		this.retryAfterMillis = retryAfterMillis;
	}

	/**
	 * The key errors are counted under: the JSON-RPC code ({@code 1009}),
	 * {@code http-503} or {@code io}.
	 * @return the key
	 */
	String code() {
		return this.code;
	}

	/**
	 * Whether the call failed on its way: the connection was refused, reset or closed, or
	 * the answer did not come in time; the server may or may not have done it.
	 * @return {@code true} for a transport failure
	 */
	boolean transportFailed() {
		return this.code.equals("io");
	}

	/**
	 * When to try again, from a rate-limit error's {@code data.retry_after_ms}.
	 * @return milliseconds, 0 when not given
	 */
	long retryAfterMillis() {
		return this.retryAfterMillis;
	}

}
