package dev.rpcchat.rpc;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What the service implementation may know of the caller of the JSON-RPC call it is
 * serving: its bearer token, its address, when its request was read, and the connection
 * it came on.
 */
public final class RpcCaller {

	private static final ThreadLocal<Context> current = new ThreadLocal<>();

	private static final ThreadLocal<LaterAnswer> later = new ThreadLocal<>();

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
	 * Answers the current call with what a stage completes with: its value is the call's
	 * result, and what it fails with is the call's error, exactly as if the method had
	 * returned or thrown it. For a method that waits (a long poll): where the call may be
	 * answered later ({@code rpc.answer-later}, on by default, over {@code POST /rpc} and
	 * WebSockets alike) its thread is let go at once, the method returns this method's
	 * {@code null}, and the call is answered when the stage completes, on the thread that
	 * completes it (which may block: the rest of a batch runs and the answer is written
	 * on it). Elsewhere this method waits for the stage on the call's thread and returns
	 * its value or throws its failure. A method calls it at most once per call, and
	 * returns what it returns.
	 * @param <T> the method's result type
	 * @param answer the call's answer to come
	 * @return {@code null} once the call will be answered later, else the stage's value
	 */
	public static <T> T answerLater(CompletionStage<T> answer) {
		Objects.requireNonNull(answer, "answer");
		LaterAnswer slot = later.get();
		if (slot != null) {
			slot.set(answer);
			return null;
		}
		return await(answer);
	}

	private static <T> T await(CompletionStage<T> answer) {
		try {
			return answer.toCompletableFuture().get();
		}
		catch (ExecutionException ex) {
			Throwable failure = (ex.getCause() != null) ? ex.getCause() : ex;
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("A later answer failed", failure);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a later answer", ex);
		}
	}

	/**
	 * Runs a dispatch with the given caller visible to the service.
	 * @param context the caller
	 * @param slot where the call's later answer goes, or {@code null} when the call is
	 * answered on its thread
	 * @param dispatch the work
	 */
	static void runWith(Context context, LaterAnswer slot, Runnable dispatch) {
		current.set(context);
		later.set(slot);
		try {
			dispatch.run();
		}
		finally {
			current.remove();
			later.remove();
		}
	}

	/**
	 * Where one call's later answer goes, when the call may be answered later.
	 */
	static final class LaterAnswer {

		private CompletionStage<?> stage;

		void set(CompletionStage<?> answer) {
			if (this.stage != null) {
				throw new IllegalStateException("A call is answered later at most once");
			}
			this.stage = answer;
		}

		/**
		 * The stage the call is answered with.
		 * @return it, or {@code null} when the method answered on its thread
		 */
		CompletionStage<?> stage() {
			return this.stage;
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
