package dev.rpcchat.server.store.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.rpcchat.api.Message;

/**
 * A room's messages, consecutive ids, oldest dropped past a limit: a ring buffer that
 * grows up to the limit.
 */
final class MessageLog {

	private static final int INITIAL_CAPACITY = 16;

	private final int limit;

	private Message[] ring;

	private int start;

	private int size;

	MessageLog(int limit) {
		this.limit = limit;
		this.ring = new Message[Math.min(INITIAL_CAPACITY, limit)];
	}

	void add(Message message) {
		if (this.size == this.ring.length && this.size < this.limit) {
			grow();
		}
		if (this.size == this.ring.length) {
			this.ring[this.start] = null;
			this.start = (this.start + 1) % this.ring.length;
			this.size--;
		}
		this.ring[(this.start + this.size) % this.ring.length] = message;
		this.size++;
	}

	/**
	 * Messages with an id greater than {@code afterId} that match, oldest first; visits
	 * only those messages.
	 */
	List<Message> after(long afterId, Predicate<Message> filter) {
		List<Message> result = new ArrayList<>();
		if (this.size == 0) {
			return result;
		}
		long firstId = get(0).id();
		long from = Math.max(0, afterId + 1 - firstId);
		for (long i = from; i < this.size; i++) {
			Message message = get((int) i);
			if (filter.test(message)) {
				result.add(message);
			}
		}
		return result;
	}

	/**
	 * The last {@code count} messages that match, oldest first.
	 */
	List<Message> last(int count, Predicate<Message> filter) {
		List<Message> result = new ArrayList<>();
		for (int i = this.size - 1; i >= 0 && result.size() < count; i--) {
			Message message = get(i);
			if (filter.test(message)) {
				result.add(message);
			}
		}
		return result.reversed();
	}

	/**
	 * The id of the oldest message kept, {@link Long#MAX_VALUE} when there is none.
	 */
	long firstId() {
		return (this.size != 0) ? get(0).id() : Long.MAX_VALUE;
	}

	long lastId() {
		return (this.size != 0) ? get(this.size - 1).id() : 0;
	}

	private Message get(int index) {
		return this.ring[(this.start + index) % this.ring.length];
	}

	private void grow() {
		Message[] grown = new Message[Math.min(this.limit, this.ring.length * 2)];
		for (int i = 0; i < this.size; i++) {
			grown[i] = get(i);
		}
		this.ring = grown;
		this.start = 0;
	}

}
