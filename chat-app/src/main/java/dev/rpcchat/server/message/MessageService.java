package dev.rpcchat.server.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.store.AppendResult;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.Names;
import dev.rpcchat.server.store.OutgoingMessage;
import dev.rpcchat.server.store.ReadResult;
import dev.rpcchat.server.store.SendCheck;
import dev.rpcchat.server.store.SendRequest;
import dev.rpcchat.server.store.SendResult;

/**
 * Sending and receiving messages: the checks of {@code send_message} in protocol order,
 * and {@code receive_messages} with its long poll.
 */
public class MessageService {

	private final ChatStore store;

	private final MessageWaiters waiters;

	private final SendRateLimiter rateLimiter;

	private final ChatProperties properties;

	private final Clock clock;

	private final Map<MessageType, Counter> sent = new EnumMap<>(MessageType.class);

	public MessageService(ChatStore store, MessageWaiters waiters, SendRateLimiter rateLimiter,
			ChatProperties properties, Clock clock, MeterRegistry meterRegistry) {
		this.store = store;
		this.waiters = waiters;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
		this.clock = clock;
		for (MessageType type : List.of(MessageType.BROADCAST, MessageType.UNICAST)) {
			this.sent.put(type,
					meterRegistry.counter("chat.messages.sent", "type", type.name().toLowerCase(Locale.ROOT)));
		}
	}

	/**
	 * Sends a message from an authenticated user: a repeat of a {@code client_msg_id}
	 * first, then names, content, room state and rate, in that order.
	 * @param sender the sender, as registered
	 * @param roomName the room
	 * @param content the text
	 * @param recipient the recipient, or {@code null} for a broadcast
	 * @param clientMsgId the client's id for safe resends, or {@code null}
	 * @return the message as stored (the first time, for a repeat)
	 */
	public Message send(String sender, String roomName, String content, String recipient, String clientMsgId) {
		if (clientMsgId != null) {
			var repeat = this.store.findSent(sender, clientMsgId, now());
			if (repeat.isPresent()) {
				return repeat.get();
			}
		}
		requireValidRoomName(roomName);
		if (recipient != null && !Names.isValidUsername(recipient)) {
			throw new ChatException(ErrorCode.INVALID_NAME, "The recipient is not a valid username.");
		}
		requireValidContent(content);
		throwIfRefused(this.store.checkSend(roomName, sender, recipient), roomName, recipient);
		Duration retryAfter = this.rateLimiter.tryAcquire(sender);
		if (!retryAfter.isZero()) {
			throw rateLimited(retryAfter);
		}
		AppendResult result = this.store.append(new OutgoingMessage(roomName, sender, recipient, content, clientMsgId),
				now());
		return switch (result) {
			case AppendResult.Stored(Message message) -> counted(message);
			case AppendResult.Duplicate(Message message) -> message;
			case AppendResult.Refused(SendCheck reason) -> {
				throwIfRefused(reason, roomName, recipient);
				throw new IllegalStateException("refused without a reason");
			}
		};
	}

	/**
	 * Whether a message's names and content pass the checks of {@code send_message}, so
	 * that only the store's state can refuse it.
	 * @param roomName the room
	 * @param content the text
	 * @param recipient the recipient, or {@code null} for a broadcast
	 * @return whether they are valid
	 */
	public boolean isWellFormed(String roomName, String content, String recipient) {
		return Names.isValidRoomName(roomName) && (recipient == null || Names.isValidUsername(recipient))
				&& content != null && !isBlank(content)
				&& content.codePointCount(0, content.length()) <= this.properties.messages().maxLength();
	}

	/**
	 * Sends a {@link #isWellFormed well-formed} message for the holder of a token, in the
	 * store's one step (one round trip on Redis): the token's session renewed, a repeat
	 * of a {@code client_msg_id} first, then room state and rate, in that order.
	 * @param tokenHash the hash of the call's bearer token
	 * @param username the user the call names
	 * @param roomName the room
	 * @param content the text
	 * @param recipient the recipient, or {@code null} for a broadcast
	 * @param clientMsgId the client's id for safe resends, or {@code null}
	 * @return the message as stored (the first time, for a repeat), or empty if the token
	 * is not the live token of {@code username}
	 */
	public Optional<Message> send(String tokenHash, String username, String roomName, String content, String recipient,
			String clientMsgId) {
		Instant now = now();
		SendRequest request = new SendRequest(tokenHash, username, roomName, recipient, content, clientMsgId, now,
				now.plus(this.properties.users().sessionTtl()));
		return switch (this.store.send(request, this.rateLimiter)) {
			case SendResult.Stored(Message message) -> Optional.of(counted(message));
			case SendResult.Duplicate(Message message) -> Optional.of(message);
			case SendResult.Unauthorized() -> Optional.empty();
			case SendResult.Refused(SendCheck reason) -> {
				throwIfRefused(reason, roomName, recipient);
				throw new IllegalStateException("refused without a reason");
			}
			case SendResult.RateLimited(Duration retryAfter) -> throw rateLimited(retryAfter);
		};
	}

	private Message counted(Message message) {
		this.sent.get(message.type()).increment();
		return message;
	}

	private static ChatException rateLimited(Duration retryAfter) {
		long retryAfterMs = Math.max(1, (retryAfter.toNanos() + 999_999) / 1_000_000);
		return new ChatException(ErrorCode.RATE_LIMITED, "You are sending messages too fast; try again shortly.",
				Map.of("retry_after_ms", retryAfterMs));
	}

	private void requireValidContent(String content) {
		if (isBlank(content)) {
			throw new ChatException(ErrorCode.INVALID_MESSAGE, "The message is blank.");
		}
		int maxLength = this.properties.messages().maxLength();
		if (content.codePointCount(0, content.length()) > maxLength) {
			throw new ChatException(ErrorCode.INVALID_MESSAGE,
					"The message is longer than " + maxLength + " characters.", Map.of("max_length", maxLength));
		}
	}

	/**
	 * Whether a text shows nothing: only white space, spaces such as U+00A0, or invisible
	 * format characters such as U+200B, which {@link String#isBlank()} lets through.
	 */
	static boolean isBlank(String content) {
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			if (!Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
					&& Character.getType(codePoint) != Character.FORMAT) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	private static void throwIfRefused(SendCheck check, String roomName, String recipient) {
		switch (check) {
			case ALLOWED -> {
			}
			case NO_SUCH_ROOM -> throw roomNotFound(roomName);
			case SENDER_NOT_IN_ROOM -> throw notInRoom(roomName);
			case RECIPIENT_NOT_IN_ROOM -> throw new ChatException(ErrorCode.RECIPIENT_NOT_IN_ROOM,
					"User " + recipient + " is not in room " + roomName + ".");
		}
	}

	/**
	 * Returns what the reader may see past its cursor, waiting up to {@code waitSeconds}
	 * for a first message; returns at once with what it has if the reader leaves the room
	 * meanwhile.
	 * @param reader the reader, as registered
	 * @param roomName the room
	 * @param waitSeconds how long to wait, 0 to 30, or {@code null}
	 * @param afterId the client's own cursor, or {@code null}
	 * @return the messages, oldest first
	 */
	public List<Message> receive(String reader, String roomName, Integer waitSeconds, Long afterId) {
		requireValidRoomName(roomName);
		return receive(reader, roomName, waitSeconds, afterId,
				() -> Optional.of(this.store.read(roomName, reader, afterId)))
			.orElseThrow();
	}

	/**
	 * Returns what the reader may see past its cursor for the holder of a token, as
	 * {@link #receive(String, String, Integer, Long)} does, with the token's session
	 * renewed in the store's step of the first read (one round trip on Redis).
	 * @param tokenHash the hash of the call's bearer token
	 * @param reader the reader the call names
	 * @param roomName the room, a valid name
	 * @param waitSeconds how long to wait, 0 to 30, or {@code null}
	 * @param afterId the client's own cursor, or {@code null}
	 * @return the messages, oldest first, or empty if the token is not the live token of
	 * {@code reader}
	 */
	public Optional<List<Message>> receive(String tokenHash, String reader, String roomName, Integer waitSeconds,
			Long afterId) {
		Instant now = now();
		Instant sessionExpiresAt = now.plus(this.properties.users().sessionTtl());
		return receive(reader, roomName, waitSeconds, afterId,
				() -> this.store.readAs(tokenHash, reader, now, sessionExpiresAt, roomName, afterId));
	}

	private Optional<List<Message>> receive(String reader, String roomName, Integer waitSeconds, Long afterId,
			Supplier<Optional<ReadResult>> firstRead) {
		Duration wait = Duration.ofSeconds((waitSeconds != null) ? waitSeconds : 0);
		if (wait.isZero()) {
			return firstRead.get().map((result) -> messagesOrThrow(result, roomName));
		}
		long deadline = System.nanoTime() + wait.toNanos();
		try (MessageWaiters.Waiter waiter = this.waiters.register(roomName, reader)) {
			Optional<ReadResult> first = firstRead.get();
			if (first.isEmpty()) {
				return Optional.empty();
			}
			List<Message> messages = messagesOrThrow(first.get(), roomName);
			while (messages.isEmpty()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || !awaitQuietly(waiter, remaining)) {
					return Optional.of(messages);
				}
				messages = messagesAfterWakeUp(waiter, roomName, reader, afterId);
				if (messages == null) {
					return Optional.of(List.of());
				}
			}
			return Optional.of(messages);
		}
	}

	/**
	 * Reads after a wake-up, re-arming the waiter first; {@code null} when the reader is
	 * no longer in the room.
	 */
	private List<Message> messagesAfterWakeUp(MessageWaiters.Waiter waiter, String roomName, String reader,
			Long afterId) {
		waiter.rearm();
		return switch (this.store.read(roomName, reader, afterId)) {
			case ReadResult.Messages(List<Message> messages) -> messages;
			case ReadResult.NotMember() -> null;
			case ReadResult.NoSuchRoom() -> null;
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

	private static List<Message> messagesOrThrow(ReadResult result, String roomName) {
		return switch (result) {
			case ReadResult.Messages(List<Message> messages) -> messages;
			case ReadResult.NotMember() -> throw notInRoom(roomName);
			case ReadResult.NoSuchRoom() -> throw roomNotFound(roomName);
		};
	}

	private static void requireValidRoomName(String roomName) {
		if (!Names.isValidRoomName(roomName)) {
			throw new ChatException(ErrorCode.INVALID_NAME, "A room name is 1 to 64 letters, digits, '_', '-' or '.'.");
		}
	}

	private static ChatException roomNotFound(String roomName) {
		return new ChatException(ErrorCode.ROOM_NOT_FOUND, "There is no room " + roomName + ".");
	}

	private static ChatException notInRoom(String roomName) {
		return new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in room " + roomName + ".");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
