package dev.rpcchat.server.store.memory;

import java.time.Instant;
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

	final String name;

	final Instant createdAt;

	final ReentrantLock lock = new ReentrantLock();

	/** Members by name key; read without the lock, changed under it. */
	final Map<String, Member> members = new ConcurrentHashMap<>();

	final MessageLog log;

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
		return message;
	}

	List<String> memberNames() {
		return this.members.values().stream().map(Member::username).sorted(Names.ORDER).toList();
	}

	/**
	 * A member of the room and its cursors.
	 */
	static final class Member {

		private final String username;

		/** The join announcement's id: the earliest cursor the member may name. */
		final long floor;

		long cursor;

		Member(String username, long floor) {
			this.username = username;
			this.floor = floor;
			this.cursor = floor;
		}

		String username() {
			return this.username;
		}

	}

}
