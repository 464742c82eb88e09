package dev.rpcchat.api;

import java.net.URI;
import java.util.function.Predicate;

/**
 * How a client asks the binder for a server past one that stopped answering: the binder
 * lists a dead server until its lease ends and hands it out in its turn, so the client
 * asks again, up to {@value #LOOKUPS} times in all, until it names a live one. Written
 * once for the shell and the bench.
 */
public final class PastDeadServer {

	/** How many times to ask the binder in all. */
	public static final int LOOKUPS = 8;

	private PastDeadServer() {
	}

	/**
	 * Asks until the answer is not a dead server, {@value #LOOKUPS} times at most.
	 * @param <E> what a lookup may throw
	 * @param dead whether a server is known to be dead
	 * @param lookup one question to the binder
	 * @return the last answer, which is still a dead server when the binder named no
	 * other
	 * @throws E when a lookup fails
	 */
	public static <E extends Exception> URI lookUp(Predicate<URI> dead, Lookup<E> lookup) throws E {
		URI found = lookup.next();
		for (int asked = 1; dead.test(found) && asked < LOOKUPS; asked++) {
			found = lookup.next();
		}
		return found;
	}

	/**
	 * One question to the binder: where a procedure answers now.
	 *
	 * @param <E> what it may throw
	 */
	@FunctionalInterface
	public interface Lookup<E extends Exception> {

		/**
		 * Asks the binder once.
		 * @return the endpoint it names
		 * @throws E when it cannot say
		 */
		URI next() throws E;

	}

}
