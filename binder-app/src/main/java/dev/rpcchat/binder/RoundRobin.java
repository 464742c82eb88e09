package dev.rpcchat.binder;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the elements of a list in turn, fairly across threads.
 */
final class RoundRobin {

	private final AtomicLong turns = new AtomicLong();

	/**
	 * Picks the next element; each call takes one turn, so {@code n} calls on an
	 * unchanged list of {@code k} elements pick each one {@code n / k} times.
	 * @param <T> the element type
	 * @param candidates a non-empty list
	 * @return the element whose turn it is
	 */
	<T> T next(List<T> candidates) {
		int index = (int) Math.floorMod(this.turns.getAndIncrement(), (long) candidates.size());
		return candidates.get(index);
	}

}
