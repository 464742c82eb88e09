package dev.rpcchat.api;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A message as stored in a room's history and returned to clients.
 *
 * @param id grows strictly within a room
 * @param roomName the room, in its registered case
 * @param type broadcast, unicast or system
 * @param sender the sender, {@code null} for system announcements
 * @param recipient the recipient of a unicast, else {@code null}
 * @param content the text
 * @param timestamp when it was stored
 */
@JsonNaming(SnakeCaseStrategy.class)
public record Message(long id, String roomName, MessageType type, @JsonRpcNullable String sender,
		@JsonRpcNullable String recipient, String content, @JsonFormat(shape = JsonFormat.Shape.STRING,
				pattern = WireFormat.TIMESTAMP_PATTERN, timezone = WireFormat.TIMESTAMP_ZONE) Instant timestamp) {

	public Message {
		Objects.requireNonNull(roomName, "roomName");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(timestamp, "timestamp");
	}

	/**
	 * Whether the given user receives this message: public ones go to all, a unicast only
	 * to its recipient.
	 * @param username a username, compared case-insensitively
	 * @return whether it is visible to that user
	 */
	public boolean isVisibleTo(String username) {
		return this.type != MessageType.UNICAST || this.recipient.equalsIgnoreCase(username);
	}

}
