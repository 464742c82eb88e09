package dev.rpcchat.server.store.memory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.server.store.Names;

/**
 * One room in memory: its members with their cursors and its message log, changed only
 * under its lock.
 */
final class MemoryRoom {

	/** How many of the last broadcasts a room keeps at hand for joins. */
	static final int RECENT_BROADCASTS = 50;

	final String name;

	final Instant createdAt;

	final ReentrantLock lock = new ReentrantLock();

	/** Members by name key; read without the lock, changed under it. */
	final Map<String, Member> members = new ConcurrentHashMap<>();

	final MessageLog log;

	/**
	 * The last broadcasts, kept apart from the log so that a join copies them without
	 * walking past the announcements and unicasts sent since.
	 */
	private final ArrayDeque<Message> recentBroadcasts = new ArrayDeque<>(RECENT_BROADCASTS);

	private long lastId;

	/** When the room last became empty, or {@code null} while it has members. */
	volatile Instant emptySince;

	/**
	 * Set, under the lock, when the room is removed: a holder of a stale reference must
	 * not use it.
	 */
	boolean removed;

	MemoryRoom(String name, Instant createdAt, int historyLimit) {
		this.name = name;
		this.createdAt = createdAt;
		this.emptySince = createdAt;
		this.log = new MessageLog(historyLimit);
	}

	Message append(MessageType type, String sender, String recipient, String content, Instant now) {
		Message message = new Message(++this.lastId, this.name, type, sender, recipient, content, now);
		this.log.add(message);
		if (type == MessageType.BROADCAST) {
			if (this.recentBroadcasts.size() == RECENT_BROADCASTS) {
				this.recentBroadcasts.removeFirst();
			}
			this.recentBroadcasts.addLast(message);
		}
		return message;
	}

	/**
	 * The last broadcasts still in the log, oldest first.
	 * @param count how many at most
	 * @return the broadcasts
	 */
	List<Message> lastBroadcasts(int count) {
		if (count > RECENT_BROADCASTS) {
			return this.log.last(count, (message) -> message.type() == MessageType.BROADCAST);
		}
		long firstRetained = this.log.firstId();
		List<Message> retained = this.recentBroadcasts.stream()
			.filter((message) -> message.id() >= firstRetained)
			.toList();
		return retained.subList(Math.max(0, retained.size() - count), retained.size());
	}

	List<String> memberNames() {
		return this.members.values().stream().map(Member::username).sorted(Names.ORDER).toList();
	}

	/**
	 * A member of the room and its cursors.
	 */
	static final class Member {

		private final String username;

		private final String key;

		/** The join announcement's id: the earliest cursor the member may name. */
		final long floor;

		long cursor;

		Member(String username, long floor) {
			this.username = username;
			this.key = Names.key(username);
			this.floor = floor;
			this.cursor = floor;
		}

		String username() {
			return this.username;
		}

		/**
		 * Whether this member may see a message in a page: a public one always, a unicast
		 * to or from it only since its join (never one of a former holder of its name).
		 */
		boolean mayRead(Message message) {
			if (message.type() != MessageType.UNICAST) {
				return true;
			}
			return message.id() > this.floor && (this.key.equals(Names.key(message.recipient()))
					|| this.key.equals(Names.key(message.sender())));
		}

	}

}
