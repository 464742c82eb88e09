package dev.rpcchat.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.rpcchat.api.Message;
import dev.rpcchat.server.message.SendRateLimiter;

/**
 * Where the chat's state lives: sessions, rooms, members, each room's message log and
 * each member's cursor.
 * <p>
 * Every method is one atomic step: an implementation shared by several chat-app instances
 * (Redis) performs each as one script or transaction, never as a read, a decision in Java
 * and a write that another instance could interleave. Usernames and room names are
 * matched {@link Names#key case-insensitively}; answers use the case they were registered
 * with. Times come from the caller's clock. Message ids start at 1 and grow strictly
 * within a room. A room keeps its last {@code chat.rooms.history-limit} messages.
 */
public interface ChatStore {

	/** How long a {@code client_msg_id} is remembered per user. */
	Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(10);

	/**
	 * Claims a username for a new session, if no session (live or expired but not yet
	 * released) holds that name case-insensitively.
	 * @param session the new session, with the name as the user gave it
	 * @return whether the name was free and is now this session's
	 */
	boolean claimUsername(Session session);

	/**
	 * Finds the live session with this token and moves its expiry to {@code expiresAt}
	 * (never earlier than it was).
	 * @param tokenHash the hash of the bearer token
	 * @param now the current time: a session whose expiry is not after it is not live
	 * @param expiresAt the new expiry
	 * @return the renewed session, or empty if no live session has this token
	 */
	Optional<Session> touchSession(String tokenHash, Instant now, Instant expiresAt);

	/**
	 * Releases a username if it is still held by the session with this token.
	 * @param username the name, in any case
	 * @param tokenHash the hash of the session's token
	 * @return whether a session was removed
	 */
	boolean releaseUsername(String username, String tokenHash);

	/**
	 * Releases a username if its session has expired at {@code now} (and so cannot have
	 * been renewed meanwhile).
	 * @param username the name, in any case
	 * @param now the current time
	 * @return whether a session was removed
	 */
	boolean releaseUsernameIfExpired(String username, Instant now);

	/**
	 * The sessions that have expired at {@code now} and are not yet released.
	 * @param now the current time
	 * @return those sessions, in no particular order
	 */
	List<Session> expiredSessions(Instant now);

	/**
	 * How many sessions are held (live or not yet released).
	 * @return the number of usernames in use
	 */
	long sessionCount();

	/**
	 * Creates a room if no room has this name case-insensitively; a new room is empty, so
	 * its idle time starts now.
	 * @param roomName the name, in the case to keep
	 * @param now the creation time
	 * @return the new room, or empty if the name is in use
	 */
	Optional<RoomRecord> createRoom(String roomName, Instant now);

	/**
	 * The names of all rooms.
	 * @return the names, sorted {@link Names#ORDER case-insensitively}
	 */
	List<String> roomNames();

	/**
	 * How many rooms there are.
	 * @return the number of rooms
	 */
	long roomCount();

	/**
	 * The users in a room.
	 * @param roomName the room, in any case
	 * @return the usernames, sorted {@link Names#ORDER case-insensitively}, or empty if
	 * there is no such room
	 */
	Optional<List<String>> members(String roomName);

	/**
	 * The rooms a user is in.
	 * @param username the user, in any case
	 * @return the room names, in no particular order
	 */
	List<String> roomsOf(String username);

	/**
	 * Joins a user to a room. If the user was not in it, in one step: adds the member,
	 * appends the system message {@code "<username> joined"}, sets the member's cursor
	 * and its floor (the earliest {@code after_id} it may name) to that message's id,
	 * signals the waiters, and returns the members and the last broadcasts. If the user
	 * was already in it, changes nothing.
	 * @param roomName the room, in any case
	 * @param username the user, as registered
	 * @param recentBroadcasts how many of the last broadcast messages to return
	 * @param now the time of the announcement
	 * @return the outcome
	 */
	JoinResult join(String roomName, String username, int recentBroadcasts, Instant now);

	/**
	 * Removes a user from a room in one step: drops the member and its cursor, appends
	 * the system message {@code "<username> left"}, signals the waiters, and starts the
	 * room's idle time if it is now empty.
	 * @param roomName the room, in any case
	 * @param username the user, as registered
	 * @param now the time of the announcement
	 * @return the outcome
	 */
	LeaveResult leave(String roomName, String username, Instant now);

	/**
	 * Checks, without changing anything, whether the room's state allows a message: the
	 * room exists, the sender is in it, and so is the recipient if there is one.
	 * @param roomName the room, in any case
	 * @param sender the sender, in any case
	 * @param recipient the recipient, in any case, or {@code null}
	 * @return the first check that fails, or {@link SendCheck#ALLOWED}
	 */
	SendCheck checkSend(String roomName, String sender, String recipient);

	/**
	 * Appends a message in one step: if the sender already sent one with the same
	 * {@code clientMsgId} within {@link #IDEMPOTENCY_WINDOW} (whatever the room), returns
	 * that one; else checks the room's state as {@link #checkSend} does, stores the
	 * message ({@code unicast} when it has a recipient, else {@code broadcast}) with the
	 * next id and the registered case of room, sender and recipient, remembers its
	 * {@code clientMsgId}, drops messages past the retention limit and signals the
	 * waiters.
	 * @param message the message to send
	 * @param now the message's timestamp
	 * @return the outcome
	 */
	AppendResult append(OutgoingMessage message, Instant now);

	/**
	 * Sends a message for the holder of a token, the steps of a {@code send_message} call
	 * after its names and content are checked, in this order: renews the token's session
	 * as {@link #touchSession} does, and refuses the call if there is none or it is not
	 * the named user's; answers a repeat of the {@code clientMsgId} as {@link #findSent}
	 * does; checks the room's state as {@link #checkSend} does; takes one send from the
	 * sender's rate limit; and appends the message as {@link #append} does. Each step is
	 * atomic; a store that can run them all in one step (one round trip) does so. This
	 * default runs them one after the other.
	 * @param request the call
	 * @param rateLimiter the senders' rate limit
	 * @return the outcome
	 */
	default SendResult send(SendRequest request, SendRateLimiter rateLimiter) {
		Optional<Session> session = touchSession(request.tokenHash(), request.now(), request.sessionExpiresAt());
		if (session.isEmpty() || !Names.key(session.get().username()).equals(Names.key(request.username()))) {
			return new SendResult.Unauthorized();
		}
		String sender = session.get().username();
		if (request.clientMsgId() != null) {
			Optional<Message> repeat = findSent(sender, request.clientMsgId(), request.now());
			if (repeat.isPresent()) {
				return new SendResult.Duplicate(repeat.get());
			}
		}
		SendCheck check = checkSend(request.roomName(), sender, request.recipient());
		if (check != SendCheck.ALLOWED) {
			return new SendResult.Refused(check);
		}
		Duration retryAfter = rateLimiter.tryAcquire(sender);
		if (!retryAfter.isZero()) {
			return new SendResult.RateLimited(retryAfter);
		}
		return switch (append(request.message(sender), request.now())) {
			case AppendResult.Stored(Message message) -> new SendResult.Stored(message);
			case AppendResult.Duplicate(Message message) -> new SendResult.Duplicate(message);
			case AppendResult.Refused(SendCheck reason) -> new SendResult.Refused(reason);
		};
	}

	/**
	 * The message a user sent with a {@code client_msg_id} within the
	 * {@link #IDEMPOTENCY_WINDOW} before {@code now}, whatever the room.
	 * @param username the sender, in any case
	 * @param clientMsgId the sender's id
	 * @param now the current time
	 * @return the message stored the first time, if any
	 */
	Optional<Message> findSent(String username, String clientMsgId, Instant now);

	/**
	 * Reads, in one step, what a member may see past a cursor and moves the member's
	 * cursor forward past what was read: every system message and broadcast, and every
	 * unicast whose recipient is the reader, oldest first. Costs what the new messages
	 * cost, never the whole history.
	 * @param roomName the room, in any case
	 * @param username the reader, in any case
	 * @param afterId the client's own cursor (messages with a greater id, never earlier
	 * than the member's join), or {@code null} to read past the member's stored cursor
	 * @return the outcome
	 */
	ReadResult read(String roomName, String username, Long afterId);

	/**
	 * Reads as {@link #read} does for the holder of a token, after renewing its session
	 * as {@link #touchSession} does: the first read of a {@code receive_messages} call. A
	 * store that can do both in one step (one round trip) does so; this default runs them
	 * one after the other.
	 * @param tokenHash the hash of the call's bearer token
	 * @param username the reader the call names, in any case
	 * @param now the current time
	 * @param sessionExpiresAt the session's new expiry
	 * @param roomName the room, in any case
	 * @param afterId the client's own cursor, or {@code null}
	 * @return the outcome, or empty if the token has no live session or its session is
	 * not the named reader's
	 */
	default Optional<ReadResult> readAs(String tokenHash, String username, Instant now, Instant sessionExpiresAt,
			String roomName, Long afterId) {
		Optional<Session> session = touchSession(tokenHash, now, sessionExpiresAt);
		if (session.isEmpty() || !Names.key(session.get().username()).equals(Names.key(username))) {
			return Optional.empty();
		}
		return Optional.of(read(roomName, username, afterId));
	}

	/**
	 * Reads, changing nothing, a page of what a member may see after an id: ids greater
	 * than {@code afterId}, oldest first, at most {@code limit}. See
	 * {@link #messagesBefore} for what a member may see.
	 * @param roomName the room, in any case
	 * @param member the reader, in any case
	 * @param afterId the page starts past this id
	 * @param limit the most messages in the page, positive
	 * @return the page, {@link PageResult.Page#more} telling whether newer visible
	 * messages follow it
	 */
	PageResult messagesAfter(String roomName, String member, long afterId, int limit);

	/**
	 * Reads, changing nothing, a page of what a member may see before an id: the newest
	 * {@code limit} with an id below {@code beforeId}, returned oldest first.
	 * <p>
	 * A member may see every broadcast and system message still kept, and the unicasts to
	 * or from it, but only those sent since its current join: a name freed and claimed
	 * again, or a user who left and came back, never sees the private messages of a
	 * former membership. Messages dropped past {@code chat.rooms.history-limit} are gone.
	 * A page's cost grows with the messages it returns and those it skips as invisible,
	 * never with the room's history.
	 * @param roomName the room, in any case
	 * @param member the reader, in any case
	 * @param beforeId the page ends below this id ({@link Long#MAX_VALUE}: the newest)
	 * @param limit the most messages in the page, positive
	 * @return the page, {@link PageResult.Page#more} telling whether older visible
	 * messages precede it
	 */
	PageResult messagesBefore(String roomName, String member, long beforeId, int limit);

	/**
	 * The rooms that have had no users since {@code emptySince} or earlier.
	 * @param emptySince the latest time a room may have become empty to be listed
	 * @return the room names, in no particular order
	 */
	List<String> idleRooms(Instant emptySince);

	/**
	 * Removes a room with its history, in one step, if it has still had no users since
	 * {@code emptySince} or earlier (check-and-delete: a room someone joined meanwhile
	 * survives).
	 * @param roomName the room, in any case
	 * @param emptySince the latest time it may have become empty
	 * @return whether it was removed
	 */
	boolean removeRoomIfIdle(String roomName, Instant emptySince);

	/**
	 * Forgets what has expired and is not otherwise released (such as remembered
	 * {@code client_msg_id}s); called periodically. Stores whose entries expire by
	 * themselves do nothing.
	 * @param now the current time
	 */
	default void evictExpired(Instant now) {
	}

}
