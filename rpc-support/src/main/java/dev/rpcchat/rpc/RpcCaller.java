package dev.rpcchat.rpc;

import java.util.Optional;

/**
 * What the service implementation may know of the caller of the JSON-RPC call it is
 * serving.
 */
public final class RpcCaller {

	private static final ThreadLocal<String> bearerToken = new ThreadLocal<>();

	private RpcCaller() {
	}

	/**
	 * The bearer token of the HTTP request that carried the current call.
	 * @return the token from {@code Authorization: Bearer <token>}, if the request had
	 * one
	 */
	public static Optional<String> bearerToken() {
		return Optional.ofNullable(bearerToken.get());
	}

	/**
	 * Runs a dispatch with the given bearer token visible to the service.
	 * @param token the token, or {@code null}
	 * @param dispatch the work
	 */
	static void runWith(String token, Runnable dispatch) {
		bearerToken.set(token);
		try {
			dispatch.run();
		}
		finally {
			bearerToken.remove();
		}
	}

}
