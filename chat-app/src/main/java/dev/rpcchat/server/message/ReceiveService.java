package dev.rpcchat.server.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.rpcchat.api.Message;
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
	 * Returns what the reader may see past its cursor, waiting up to {@code waitSeconds}
	 * for a first message; returns at once with what it has if the reader leaves the room
	 * meanwhile. A waiting call counts as activity: the session is renewed to last
	 * {@code chat.users.session-ttl} past the end of the wait.
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
		Duration wait = Duration.ofSeconds((waitSeconds != null) ? waitSeconds : 0);
		Read read = new Read(tokenHash, username, roomName, afterId);
		if (wait.isZero()) {
			return messagesOrThrow(read.next(Duration.ZERO), username, roomName);
		}
		long deadline = System.nanoTime() + wait.toNanos();
		try (MessageWaiters.Waiter waiter = this.waiters.register(roomName, username)) {
			List<Message> messages = messagesOrThrow(read.next(wait), username, roomName);
			while (messages.isEmpty()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || !awaitQuietly(waiter, remaining)) {
					return messages;
				}
				waiter.rearm();
				ReadResult again = read.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
				if (!(again instanceof ReadResult.Messages(List<Message> more))) {
					// The reader left the room, or its session ended, meanwhile.
					return List.of();
				}
				messages = more;
			}
			return messages;
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

	private static boolean awaitQuietly(MessageWaiters.Waiter waiter, long nanos) {
		try {
			return waiter.await(Duration.ofNanos(nanos));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
