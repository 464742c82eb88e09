package dev.rpcchat.server.store.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.rpcchat.api.Message;
import dev.rpcchat.server.store.PageResult;

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
	 * At most {@code limit} messages with an id greater than {@code afterId} that match,
	 * oldest first, and whether another that matches follows them; visits only the
	 * messages from {@code afterId} on up to that one.
	 */
	PageResult.Page pageAfter(long afterId, int limit, Predicate<Message> filter) {
		List<Message> page = new ArrayList<>();
		boolean more = false;
		long firstId = firstId();
		long from = (afterId < firstId) ? 0 : Math.min(this.size, afterId - firstId + 1);
		for (long i = from; i < this.size; i++) {
			Message message = get((int) i);
			if (filter.test(message)) {
				if (page.size() == limit) {
					more = true;
					break;
				}
				page.add(message);
			}
		}
		return new PageResult.Page(page, more, lastId());
	}

	/**
	 * The last {@code limit} messages with an id below {@code beforeId} that match,
	 * oldest first, and whether another that matches precedes them; visits only the
	 * messages from {@code beforeId} back to that one.
	 */
	PageResult.Page pageBefore(long beforeId, int limit, Predicate<Message> filter) {
		List<Message> page = new ArrayList<>();
		boolean more = false;
		long lastId = lastId();
		long firstId = firstId();
		long from = (beforeId > lastId) ? this.size - 1 : (beforeId <= firstId) ? -1 : beforeId - 1 - firstId;
		for (long i = from; i >= 0; i--) {
			Message message = get((int) i);
			if (filter.test(message)) {
				if (page.size() == limit) {
					more = true;
					break;
				}
				page.add(message);
			}
		}
		return new PageResult.Page(page.reversed(), more, lastId);
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
