package dev.rpcchat.server.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import dev.rpcchat.api.Message;
import dev.rpcchat.rpc.RpcCaller;
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.room.RoomErrors;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.ReadRequest;
import dev.rpcchat.server.store.ReadResult;
import dev.rpcchat.server.user.UserRegistry;

/**
 * {@code receive_messages} with its long poll: each read is one step of the store (the
 * token's session renewed, the messages read, the cursor moved), at most
 * {@link #MAX_MESSAGES} per call.
 */
public class ReceiveService {

	/**
	 * The most messages one {@code receive_messages} returns; the cursor moves only past
	 * what was returned, so the next call gets the rest.
	 */
	public static final int MAX_MESSAGES = 100;

	// a wake-up reads the store, which may block: never on the thread that woke it
	private static final Executor WAKE_UPS = (task) -> Thread.ofVirtual().name("chat-long-poll").start(task);

	private final ChatStore store;

	private final UserRegistry users;

	private final MessageWaiters waiters;

	private final Clock clock;

	public ReceiveService(ChatStore store, UserRegistry users, MessageWaiters waiters, Clock clock) {
		this.store = store;
		this.users = users;
		this.waiters = waiters;
		this.clock = clock;
	}

	/**
	 * Returns what the reader may see past its cursor, waiting until {@code waitSeconds}
	 * after the request carrying the call was read for a first message (so the long polls
	 * of one batch wait together, not one after the other); returns at once with what it
	 * has if the reader leaves the room meanwhile. A waiting call counts as activity: the
	 * session is renewed to last {@code chat.users.session-ttl} past the end of the wait.
	 * A call that has to wait is answered later ({@link RpcCaller#answerLater}): it holds
	 * no thread while it waits.
	 * @param username the reader the call names
	 * @param roomName the room
	 * @param waitSeconds how long to wait, 0 to 30, or {@code null}
	 * @param afterId the client's own cursor, or {@code null}
	 * @return the messages, oldest first
	 */
	public List<Message> receive(String username, String roomName, Integer waitSeconds, Long afterId) {
		String tokenHash = this.users.requireCallerTokenHash(username);
		if (!Names.isValidRoomName(roomName)) {
			this.users.authenticate(username);
			Names.requireValidRoomName(roomName);
		}
		Read read = new Read(tokenHash, username, roomName, afterId);
		if (waitSeconds == null || waitSeconds == 0) {
			return messagesOrThrow(read.next(Duration.ZERO), username, roomName);
		}
		long deadline = RpcCaller.receivedNanos() + TimeUnit.SECONDS.toNanos(waitSeconds);
		MessageWaiters.Waiter waiter = this.waiters.register(roomName, username);
		boolean waiting = false;
		try {
			List<Message> messages = messagesOrThrow(read.next(left(deadline)), username, roomName);
			if (!messages.isEmpty() || left(deadline).isZero()) {
				return messages;
			}
			waiting = true;
			return RpcCaller.answerLater(new Poll(read, waiter, deadline).start());
		}
		finally {
			if (!waiting) {
				waiter.close();
			}
		}
	}

	private List<Message> messagesOrThrow(ReadResult result, String username, String roomName) {
		return switch (result) {
			case ReadResult.Messages(List<Message> messages) -> messages;
			case ReadResult.Unauthorized() -> throw this.users.unauthorized(username);
			case ReadResult.NotMember() -> throw RoomErrors.notInRoom(roomName);
			case ReadResult.NoSuchRoom() -> throw RoomErrors.roomNotFound(roomName);
		};
	}

	private static Duration left(long deadline) {
		return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * One long poll waiting, without a thread, for its first message: each wake-up reads
	 * again on a virtual thread of its own, until a read finds messages, the reader has
	 * left the room, the time is up or the server is shutting down.
	 */
	private static final class Poll {

		private final Read read;

		private final MessageWaiters.Waiter waiter;

		private final long deadline;

		private final CompletableFuture<List<Message>> messages = new CompletableFuture<>();

		Poll(Read read, MessageWaiters.Waiter waiter, long deadline) {
			this.read = read;
			this.waiter = waiter;
			this.deadline = deadline;
		}

		CompletableFuture<List<Message>> start() {
			awaitNext();
			return this.messages;
		}

		private void awaitNext() {
			Duration left = left(this.deadline);
			if (left.isZero()) {
				finish(List.of());
				return;
			}
			this.waiter.next(left).thenAcceptAsync(this::woken, WAKE_UPS);
		}

		private void woken(boolean arrived) {
			try {
				if (!arrived) {
					finish(List.of());
					return;
				}
				this.waiter.rearm();
				if (!(this.read.next(left(this.deadline)) instanceof ReadResult.Messages(List<Message> more))) {
					// The reader left the room, or its session ended, meanwhile.
					finish(List.of());
				}
				else if (more.isEmpty()) {
					awaitNext();
				}
				else {
					finish(more);
				}
			}
			catch (RuntimeException ex) {
				this.waiter.close();
				this.messages.completeExceptionally(ex);
			}
		}

		private void finish(List<Message> found) {
			this.waiter.close();
			this.messages.complete(found);
		}

	}

	/**
	 * The reads of one call, each renewing the session past what is left of the wait.
	 */
	private final class Read {

		private final String tokenHash;

		private final String username;

		private final String roomName;

		private final Long afterId;

		Read(String tokenHash, String username, String roomName, Long afterId) {
			this.tokenHash = tokenHash;
			this.username = username;
			this.roomName = roomName;
			this.afterId = afterId;
		}

		ReadResult next(Duration waitLeft) {
			Instant now = now();
			return ReceiveService.this.store.read(new ReadRequest(this.tokenHash, this.username, this.roomName,
					this.afterId, MAX_MESSAGES, now, ReceiveService.this.users.sessionExpiry(now).plus(waitLeft)));
		}

	}

}
