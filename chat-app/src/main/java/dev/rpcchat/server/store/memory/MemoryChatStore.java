package dev.rpcchat.server.store.memory;

import java.time.Duration;
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
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.rate.TokenBuckets;
import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.Claim;
import dev.rpcchat.server.store.CreateResult;
import dev.rpcchat.server.store.JoinResult;
import dev.rpcchat.server.store.LeaveResult;
import dev.rpcchat.server.store.PageResult;
import dev.rpcchat.server.store.ReadRequest;
import dev.rpcchat.server.store.ReadResult;
import dev.rpcchat.server.store.RoomRecord;
import dev.rpcchat.server.store.SendRefusal;
import dev.rpcchat.server.store.SendRequest;
import dev.rpcchat.server.store.SendResult;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.store.StoreLimits;

/**
 * The embedded {@link ChatStore}: concurrent maps, and per room a lock, its members and a
 * bounded log. One instance only.
 */
public class MemoryChatStore implements ChatStore {

	private final StoreLimits limits;

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

	/** Each sender's rate, by name key. */
	private final TokenBuckets sendRates;

	/**
	 * Creates an empty store.
	 * @param limits the messages kept per room, the send rate, the most users and rooms
	 * @param listener told of every appended message
	 */
	public MemoryChatStore(StoreLimits limits, AppendListener listener) {
		this.limits = Objects.requireNonNull(limits, "limits");
		this.listener = Objects.requireNonNull(listener, "listener");
		this.sendRates = new TokenBuckets(limits.sendRate());
	}

	@Override
	public synchronized Claim claimUsername(Session session) {
		// Synchronized so that the count and the claim are one step; claims are rare
		// next to the other calls.
		String key = Names.key(session.username());
		if (this.sessions.containsKey(key)) {
			return Claim.TAKEN;
		}
		if (this.sessions.size() >= this.limits.maxUsers()) {
			return Claim.FULL;
		}
		this.sessions.put(key, session);
		this.namesByToken.put(session.tokenHash(), key);
		return Claim.CLAIMED;
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
		this.sendRates.forget(Names.key(username));
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
	public synchronized CreateResult createRoom(String roomName, Instant now) {
		// Synchronized so that the count and the creation are one step; creations are
		// rare next to the other calls.
		MemoryRoom existing = this.rooms.get(Names.key(roomName));
		if (existing != null) {
			return new CreateResult.Exists(existing.name);
		}
		if (this.rooms.size() >= this.limits.maxRooms()) {
			return new CreateResult.Full();
		}
		MemoryRoom room = new MemoryRoom(roomName, now, this.limits.historyLimit());
		this.rooms.put(Names.key(roomName), room);
		return new CreateResult.Created(new RoomRecord(room.name, room.createdAt));
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
	public SendResult send(SendRequest request) {
		Optional<Session> session = touchSession(request.tokenHash(), request.now(), request.sessionExpiresAt());
		if (session.isEmpty() || !Names.key(session.get().username()).equals(Names.key(request.username()))) {
			return new SendResult.Unauthorized();
		}
		String sender = session.get().username();
		SendResult result = (request.clientMsgId() != null) ? sendOnce(sender, request) : appendToRoom(sender, request);
		if (result instanceof SendResult.Stored(Message stored)) {
			this.listener.appended(stored);
		}
		return result;
	}

	private SendResult sendOnce(String sender, SendRequest request) {
		AtomicReference<SendResult> result = new AtomicReference<>();
		// The entry stays locked while the room appends, so two sends of one
		// client_msg_id store one message.
		this.sent.compute(new SentKey(Names.key(sender), request.clientMsgId()), (key, previous) -> {
			if (previous != null && isRemembered(previous, request.now())) {
				result.set(new SendResult.Duplicate(previous));
				return previous;
			}
			SendResult appended = appendToRoom(sender, request);
			result.set(appended);
			return (appended instanceof SendResult.Stored(Message stored)) ? stored : null;
		});
		return result.get();
	}

	private SendResult appendToRoom(String sender, SendRequest request) {
		MemoryRoom room = this.rooms.get(Names.key(request.roomName()));
		if (room == null) {
			return new SendResult.Refused(SendRefusal.NO_SUCH_ROOM);
		}
		room.lock.lock();
		try {
			SendRefusal refusal = check(room, sender, request.recipient());
			if (refusal != null) {
				return new SendResult.Refused(refusal);
			}
			Duration retryAfter = this.sendRates.take(Names.key(sender), request.now());
			if (!retryAfter.isZero()) {
				return new SendResult.RateLimited(retryAfter);
			}
			String from = room.members.get(Names.key(sender)).username();
			if (request.recipient() == null) {
				return new SendResult.Stored(
						room.append(MessageType.BROADCAST, from, null, request.content(), request.now()));
			}
			String to = room.members.get(Names.key(request.recipient())).username();
			return new SendResult.Stored(room.append(MessageType.UNICAST, from, to, request.content(), request.now()));
		}
		finally {
			room.lock.unlock();
		}
	}

	/** The first check of the room's state that fails, or {@code null}. */
	private static SendRefusal check(MemoryRoom room, String sender, String recipient) {
		if (room.removed) {
			return SendRefusal.NO_SUCH_ROOM;
		}
		if (!room.members.containsKey(Names.key(sender))) {
			return SendRefusal.SENDER_NOT_IN_ROOM;
		}
		if (recipient != null && !room.members.containsKey(Names.key(recipient))) {
			return SendRefusal.RECIPIENT_NOT_IN_ROOM;
		}
		return null;
	}

	@Override
	public Optional<Message> findSent(String username, String clientMsgId, Instant now) {
		Message found = this.sent.get(new SentKey(Names.key(username), clientMsgId));
		return (found != null && isRemembered(found, now)) ? Optional.of(found) : Optional.empty();
	}

	@Override
	public ReadResult read(ReadRequest request) {
		Optional<Session> session = touchSession(request.tokenHash(), request.now(), request.sessionExpiresAt());
		if (session.isEmpty() || !Names.key(session.get().username()).equals(Names.key(request.username()))) {
			return new ReadResult.Unauthorized();
		}
		MemoryRoom room = this.rooms.get(Names.key(request.roomName()));
		if (room == null) {
			return new ReadResult.NoSuchRoom();
		}
		room.lock.lock();
		try {
			if (room.removed) {
				return new ReadResult.NoSuchRoom();
			}
			MemoryRoom.Member member = room.members.get(Names.key(request.username()));
			if (member == null) {
				return new ReadResult.NotMember();
			}
			long after = (request.afterId() != null) ? Math.max(request.afterId(), member.floor) : member.cursor;
			MessageLog.Read read = room.log.read(after, request.limit(),
					(message) -> message.isVisibleTo(member.username()));
			member.cursor = Math.max(member.cursor, read.through());
			return new ReadResult.Messages(read.messages());
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
		this.sendRates.evictFull(now);
	}

	private static boolean isRemembered(Message sent, Instant now) {
		return now.isBefore(sent.timestamp().plus(IDEMPOTENCY_WINDOW));
	}

	private record SentKey(String senderKey, String clientMsgId) {

	}

}
