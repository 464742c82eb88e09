package dev.rpcchat.server.store.memory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.AppendResult;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.JoinResult;
import dev.rpcchat.server.store.LeaveResult;
import dev.rpcchat.server.store.Names;
import dev.rpcchat.server.store.OutgoingMessage;
import dev.rpcchat.server.store.PageResult;
import dev.rpcchat.server.store.ReadResult;
import dev.rpcchat.server.store.RoomRecord;
import dev.rpcchat.server.store.SendCheck;
import dev.rpcchat.server.store.Session;

/**
 * The embedded {@link ChatStore}: concurrent maps, and per room a lock, its members and a
 * bounded log. One instance only.
 */
public class MemoryChatStore implements ChatStore {

	private final int historyLimit;

	private final AppendListener listener;

	/** Sessions by name key. */
	private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

	/** Name keys by token hash. */
	private final ConcurrentMap<String, String> namesByToken = new ConcurrentHashMap<>();

	/** Rooms by name key. */
	private final ConcurrentMap<String, MemoryRoom> rooms = new ConcurrentHashMap<>();

	/**
	 * Sent messages by (sender key, client_msg_id), remembered for
	 * {@link #IDEMPOTENCY_WINDOW} from their timestamp.
	 */
	private final ConcurrentMap<SentKey, Message> sent = new ConcurrentHashMap<>();

	/**
	 * Creates an empty store.
	 * @param historyLimit the messages kept per room
	 * @param listener told of every appended message
	 */
	public MemoryChatStore(int historyLimit, AppendListener listener) {
		if (historyLimit < 1) {
			throw new IllegalArgumentException("historyLimit must be positive");
		}
		this.historyLimit = historyLimit;
		this.listener = Objects.requireNonNull(listener, "listener");
	}

	@Override
	public boolean claimUsername(Session session) {
		if (this.sessions.putIfAbsent(Names.key(session.username()), session) != null) {
			return false;
		}
		this.namesByToken.put(session.tokenHash(), Names.key(session.username()));
		return true;
	}

	@Override
	public Optional<Session> touchSession(String tokenHash, Instant now, Instant expiresAt) {
		String key = this.namesByToken.get(tokenHash);
		if (key == null) {
			return Optional.empty();
		}
		AtomicReference<Session> touched = new AtomicReference<>();
		this.sessions.computeIfPresent(key, (name, session) -> {
			if (!session.tokenHash().equals(tokenHash) || session.isExpiredAt(now)) {
				return session;
			}
			Session renewed = expiresAt.isAfter(session.expiresAt()) ? session.withExpiresAt(expiresAt) : session;
			touched.set(renewed);
			return renewed;
		});
		return Optional.ofNullable(touched.get());
	}

	@Override
	public boolean releaseUsername(String username, String tokenHash) {
		return release(username, (session) -> session.tokenHash().equals(tokenHash));
	}

	@Override
	public boolean releaseUsernameIfExpired(String username, Instant now) {
		return release(username, (session) -> session.isExpiredAt(now));
	}

	private boolean release(String username, Function<Session, Boolean> condition) {
		AtomicReference<Session> released = new AtomicReference<>();
		this.sessions.computeIfPresent(Names.key(username), (name, session) -> {
			if (!condition.apply(session)) {
				return session;
			}
			released.set(session);
			return null;
		});
		Session session = released.get();
		if (session == null) {
			return false;
		}
		this.namesByToken.remove(session.tokenHash(), Names.key(username));
		return true;
	}

	@Override
	public List<Session> expiredSessions(Instant now) {
		return this.sessions.values().stream().filter((session) -> session.isExpiredAt(now)).toList();
	}

	@Override
	public long sessionCount() {
		return this.sessions.size();
	}

	@Override
	public Optional<RoomRecord> createRoom(String roomName, Instant now) {
		MemoryRoom room = new MemoryRoom(roomName, now, this.historyLimit);
		if (this.rooms.putIfAbsent(Names.key(roomName), room) != null) {
			return Optional.empty();
		}
		return Optional.of(new RoomRecord(room.name, room.createdAt));
	}

	@Override
	public List<String> roomNames() {
		return this.rooms.values().stream().map((room) -> room.name).sorted(Names.ORDER).toList();
	}

	@Override
	public long roomCount() {
		return this.rooms.size();
	}

	@Override
	public Optional<List<String>> members(String roomName) {
		return Optional.ofNullable(this.rooms.get(Names.key(roomName))).map(MemoryRoom::memberNames);
	}

	@Override
	public List<String> roomsOf(String username) {
		String key = Names.key(username);
		return this.rooms.values()
			.stream()
			.filter((room) -> room.members.containsKey(key))
			.map((room) -> room.name)
			.toList();
	}

	@Override
	public JoinResult join(String roomName, String username, int recentBroadcasts, Instant now) {
		MemoryRoom room = this.rooms.get(Names.key(roomName));
		if (room == null) {
			return new JoinResult.NoSuchRoom();
		}
		Message announcement;
		JoinResult result;
		room.lock.lock();
		try {
			if (room.removed) {
				return new JoinResult.NoSuchRoom();
			}
			String key = Names.key(username);
			if (room.members.containsKey(key)) {
				return new JoinResult.AlreadyMember(room.name, room.memberNames(),
						lastBroadcasts(room, recentBroadcasts));
			}
			announcement = room.append(MessageType.SYSTEM, null, null, username + " joined", now);
			room.members.put(key, new MemoryRoom.Member(username, announcement.id()));
			room.emptySince = null;
			result = new JoinResult.Joined(room.name, room.memberNames(), lastBroadcasts(room, recentBroadcasts),
					announcement);
		}
		finally {
			room.lock.unlock();
		}
		this.listener.appended(announcement);
		return result;
	}

	private List<Message> lastBroadcasts(MemoryRoom room, int count) {
		return room.lastBroadcasts(count);
	}

	@Override
	public LeaveResult leave(String roomName, String username, Instant now) {
		MemoryRoom room = this.rooms.get(Names.key(roomName));
		if (room == null) {
			return new LeaveResult.NoSuchRoom();
		}
		Message announcement;
		room.lock.lock();
		try {
			if (room.removed) {
				return new LeaveResult.NoSuchRoom();
			}
			MemoryRoom.Member member = room.members.remove(Names.key(username));
			if (member == null) {
				return new LeaveResult.NotMember();
			}
			announcement = room.append(MessageType.SYSTEM, null, null, member.username() + " left", now);
			if (room.members.isEmpty()) {
				room.emptySince = now;
			}
		}
		finally {
			room.lock.unlock();
		}
		this.listener.appended(announcement);
		return new LeaveResult.Left(announcement);
	}

	@Override
	public SendCheck checkSend(String roomName, String sender, String recipient) {
		MemoryRoom room = this.rooms.get(Names.key(roomName));
		if (room == null) {
			return SendCheck.NO_SUCH_ROOM;
		}
		room.lock.lock();
		try {
			return check(room, sender, recipient);
		}
		finally {
			room.lock.unlock();
		}
	}

	private SendCheck check(MemoryRoom room, String sender, String recipient) {
		if (room.removed) {
			return SendCheck.NO_SUCH_ROOM;
		}
		if (!room.members.containsKey(Names.key(sender))) {
			return SendCheck.SENDER_NOT_IN_ROOM;
		}
		if (recipient != null && !room.members.containsKey(Names.key(recipient))) {
			return SendCheck.RECIPIENT_NOT_IN_ROOM;
		}
		return SendCheck.ALLOWED;
	}

	@Override
	public AppendResult append(OutgoingMessage message, Instant now) {
		AppendResult result = (message.clientMsgId() != null) ? appendOnce(message, now) : appendToRoom(message, now);
		if (result instanceof AppendResult.Stored(Message stored)) {
			this.listener.appended(stored);
		}
		return result;
	}

	private AppendResult appendOnce(OutgoingMessage message, Instant now) {
		AtomicReference<AppendResult> result = new AtomicReference<>();
		// The entry stays locked while the room appends, so two sends of one
		// client_msg_id store one message.
		this.sent.compute(new SentKey(Names.key(message.sender()), message.clientMsgId()), (key, previous) -> {
			if (previous != null && isRemembered(previous, now)) {
				result.set(new AppendResult.Duplicate(previous));
				return previous;
			}
			AppendResult appended = appendToRoom(message, now);
			result.set(appended);
			return (appended instanceof AppendResult.Stored(Message stored)) ? stored : null;
		});
		return result.get();
	}

	private AppendResult appendToRoom(OutgoingMessage message, Instant now) {
		MemoryRoom room = this.rooms.get(Names.key(message.roomName()));
		if (room == null) {
			return new AppendResult.Refused(SendCheck.NO_SUCH_ROOM);
		}
		room.lock.lock();
		try {
			SendCheck check = check(room, message.sender(), message.recipient());
			if (check != SendCheck.ALLOWED) {
				return new AppendResult.Refused(check);
			}
			String sender = room.members.get(Names.key(message.sender())).username();
			if (message.recipient() == null) {
				return new AppendResult.Stored(
						room.append(MessageType.BROADCAST, sender, null, message.content(), now));
			}
			String recipient = room.members.get(Names.key(message.recipient())).username();
			return new AppendResult.Stored(room.append(MessageType.UNICAST, sender, recipient, message.content(), now));
		}
		finally {
			room.lock.unlock();
		}
	}

	@Override
	public Optional<Message> findSent(String username, String clientMsgId, Instant now) {
		Message found = this.sent.get(new SentKey(Names.key(username), clientMsgId));
		return (found != null && isRemembered(found, now)) ? Optional.of(found) : Optional.empty();
	}

	@Override
	public ReadResult read(String roomName, String username, Long afterId) {
		MemoryRoom room = this.rooms.get(Names.key(roomName));
		if (room == null) {
			return new ReadResult.NoSuchRoom();
		}
		room.lock.lock();
		try {
			if (room.removed) {
				return new ReadResult.NoSuchRoom();
			}
			MemoryRoom.Member member = room.members.get(Names.key(username));
			if (member == null) {
				return new ReadResult.NotMember();
			}
			long after = (afterId != null) ? Math.max(afterId, member.floor) : member.cursor;
			List<Message> messages = room.log.after(after, (message) -> message.isVisibleTo(member.username()));
			// Past the invisible unicasts too, so the next read starts where this one
			// stopped.
			member.cursor = Math.max(member.cursor, room.log.lastId());
			return new ReadResult.Messages(messages);
		}
		finally {
			room.lock.unlock();
		}
	}

	@Override
	public PageResult messagesAfter(String roomName, String member, long afterId, int limit) {
		return page(roomName, member, limit, (room, filter) -> room.log.pageAfter(afterId, limit, filter));
	}

	@Override
	public PageResult messagesBefore(String roomName, String member, long beforeId, int limit) {
		return page(roomName, member, limit, (room, filter) -> room.log.pageBefore(beforeId, limit, filter));
	}

	private PageResult page(String roomName, String member, int limit,
			BiFunction<MemoryRoom, Predicate<Message>, PageResult.Page> read) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive");
		}
		MemoryRoom room = this.rooms.get(Names.key(roomName));
		if (room == null) {
			return new PageResult.NoSuchRoom();
		}
		room.lock.lock();
		try {
			if (room.removed) {
				return new PageResult.NoSuchRoom();
			}
			MemoryRoom.Member reader = room.members.get(Names.key(member));
			if (reader == null) {
				return new PageResult.NotMember();
			}
			return read.apply(room, (message) -> reader.mayRead(message));
		}
		finally {
			room.lock.unlock();
		}
	}

	@Override
	public List<String> idleRooms(Instant emptySince) {
		return this.rooms.values()
			.stream()
			.filter((room) -> isIdle(room, emptySince))
			.map((room) -> room.name)
			.toList();
	}

	private static boolean isIdle(MemoryRoom room, Instant emptySince) {
		Instant since = room.emptySince;
		return since != null && !since.isAfter(emptySince);
	}

	@Override
	public boolean removeRoomIfIdle(String roomName, Instant emptySince) {
		MemoryRoom room = this.rooms.get(Names.key(roomName));
		if (room == null) {
			return false;
		}
		room.lock.lock();
		try {
			if (room.removed || !room.members.isEmpty() || !isIdle(room, emptySince)) {
				return false;
			}
			room.removed = true;
			this.rooms.remove(Names.key(roomName), room);
			return true;
		}
		finally {
			room.lock.unlock();
		}
	}

	@Override
	public void evictExpired(Instant now) {
		this.sent.values().removeIf((message) -> !isRemembered(message, now));
	}

	private static boolean isRemembered(Message sent, Instant now) {
		return now.isBefore(sent.timestamp().plus(IDEMPOTENCY_WINDOW));
	}

	private record SentKey(String senderKey, String clientMsgId) {

	}

}
