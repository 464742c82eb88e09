package dev.rpcchat.rpc;

import java.util.Optional;

/**
 * What the service implementation may know of the caller of the JSON-RPC call it is
 * serving: its bearer token, its address, when its request was read, and the connection
 * it came on.
 */
public final class RpcCaller {

	private static final ThreadLocal<Context> current = new ThreadLocal<>();

	private RpcCaller() {
	}

	/**
	 * The bearer token of the current call: the one of the HTTP request that carried it,
	 * or the one bound to the connection it came on.
	 * @return the token, if the call has one
	 */
	public static Optional<String> bearerToken() {
		Context context = current.get();
		if (context == null) {
			return Optional.empty();
		}
		if (context.bearerToken() == null && context.connection() != null) {
			return context.connection().bearerToken();
		}
		return Optional.ofNullable(context.bearerToken());
	}

	/**
	 * The IP address of the TCP peer that sent the current call; no proxy header is
	 * trusted.
	 * @return the address, if known
	 */
	public static Optional<String> remoteAddress() {
		Context context = current.get();
		return (context != null) ? Optional.ofNullable(context.remoteAddress()) : Optional.empty();
	}

	/**
	 * When the request carrying the current call (a single call or a whole batch) was
	 * read, on the {@link System#nanoTime()} scale.
	 * @return that instant, or {@link System#nanoTime()} outside a call
	 */
	public static long receivedNanos() {
		Context context = current.get();
		return (context != null) ? context.receivedNanos() : System.nanoTime();
	}

	/**
	 * The connection the current call came on.
	 * @return the connection, always empty for a call over plain HTTP
	 */
	public static Optional<RpcConnection> connection() {
		Context context = current.get();
		return (context != null) ? Optional.ofNullable(context.connection()) : Optional.empty();
	}

	/**
	 * Runs a dispatch with the given caller visible to the service.
	 * @param context the caller
	 * @param dispatch the work
	 */
	static void runWith(Context context, Runnable dispatch) {
		current.set(context);
		try {
			dispatch.run();
		}
		finally {
			current.remove();
		}
	}

	/**
	 * The caller of the calls of one request.
	 *
	 * @param bearerToken the bearer token, or {@code null}: then the one bound to the
	 * connection at the time of each call, if any
	 * @param remoteAddress the TCP peer's IP address, or {@code null}
	 * @param receivedNanos {@link System#nanoTime()} when the request was read
	 * @param connection the connection the request came on, or {@code null} over HTTP
	 */
	public record Context(String bearerToken, String remoteAddress, long receivedNanos, RpcConnection connection) {

	}

}
