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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.room.RoomErrors;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.SendRefusal;
import dev.rpcchat.server.store.SendRequest;
import dev.rpcchat.server.store.SendResult;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.user.UserRegistry;

/**
 * {@code send_message}: the message's names and content checked here, then the token, a
 * repeat of {@code client_msg_id}, the room's state, the rate and the append in one step
 * of the store; each refusal turned into its error, in the protocol's order.
 */
public class SendService {

	private final ChatStore store;

	private final UserRegistry users;

	private final MessageContent content;

	private final Clock clock;

	private final Map<MessageType, Counter> sent = new EnumMap<>(MessageType.class);

	public SendService(ChatStore store, UserRegistry users, MessageContent content, Clock clock,
			MeterRegistry meterRegistry) {
		this.store = store;
		this.users = users;
		this.content = content;
		this.clock = clock;
		for (MessageType type : List.of(MessageType.BROADCAST, MessageType.UNICAST)) {
			this.sent.put(type,
					meterRegistry.counter("chat.messages.sent", "type", type.name().toLowerCase(Locale.ROOT)));
		}
	}

	/**
	 * Sends a message for the caller, checking in the protocol's order: the token, a
	 * repeat of {@code client_msg_id}, names and content, the room's state, the rate.
	 * @param username the sender the call names
	 * @param roomName the room
	 * @param text the text
	 * @param recipient the recipient, or {@code null} for a broadcast
	 * @param clientMsgId the client's id for safe resends, or {@code null}
	 * @return the message as stored (the first time, for a repeat)
	 */
	public Message send(String username, String roomName, String text, String recipient, String clientMsgId) {
		String tokenHash = this.users.requireCallerTokenHash(username);
		Instant now = now();
		ChatException problem = problem(roomName, text, recipient);
		if (problem != null) {
			return repeatOrThrow(username, clientMsgId, now, problem);
		}
		SendRequest request = new SendRequest(tokenHash, username, roomName, recipient, text, clientMsgId, now,
				this.users.sessionExpiry(now));
		return switch (this.store.send(request)) {
			case SendResult.Stored(Message message) -> counted(message);
			case SendResult.Duplicate(Message message) -> message;
			case SendResult.Unauthorized() -> throw this.users.unauthorized(username);
			case SendResult.Refused(SendRefusal reason) -> throw refused(reason, roomName, recipient);
			case SendResult.RateLimited(Duration retryAfter) -> throw rateLimited(retryAfter);
		};
	}

	/**
	 * Answers a message whose names or content are wrong: the token's error first, then
	 * the message sent the first time if this is a repeat, else the problem.
	 */
	private Message repeatOrThrow(String username, String clientMsgId, Instant now, ChatException problem) {
		Session session = this.users.authenticate(username);
		if (clientMsgId != null) {
			Optional<Message> repeat = this.store.findSent(session.username(), clientMsgId, now);
			if (repeat.isPresent()) {
				return repeat.get();
			}
		}
		throw problem;
	}

	private ChatException problem(String roomName, String text, String recipient) {
		if (!Names.isValidRoomName(roomName)) {
			return new ChatException(ErrorCode.INVALID_NAME, Names.ROOM_NAME_RULE);
		}
		if (recipient != null && !Names.isValidUsername(recipient)) {
			return new ChatException(ErrorCode.INVALID_NAME, "The recipient is not a valid username.");
		}
		return this.content.problem(text);
	}

	private Message counted(Message message) {
		this.sent.get(message.type()).increment();
		return message;
	}

	private static ChatException refused(SendRefusal reason, String roomName, String recipient) {
		return switch (reason) {
			case NO_SUCH_ROOM -> RoomErrors.roomNotFound(roomName);
			case SENDER_NOT_IN_ROOM -> RoomErrors.notInRoom(roomName);
			case RECIPIENT_NOT_IN_ROOM -> new ChatException(ErrorCode.RECIPIENT_NOT_IN_ROOM,
					"User " + recipient + " is not in room " + roomName + ".");
		};
	}

	private static ChatException rateLimited(Duration retryAfter) {
		long retryAfterMs = Math.max(1, (retryAfter.toNanos() + 999_999) / 1_000_000);
		return new ChatException(ErrorCode.RATE_LIMITED, "You are sending messages too fast; try again shortly.",
				Map.of("retry_after_ms", retryAfterMs));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
