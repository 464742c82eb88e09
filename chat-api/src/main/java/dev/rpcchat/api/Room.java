package dev.rpcchat.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code create_room}.
 *
 * @param roomName the room's name, in the case it was created with
 * @param createdAt when it was created
 */
@JsonNaming(SnakeCaseStrategy.class)
public record Room(String roomName, @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = WireFormat.TIMESTAMP_PATTERN,
		timezone = WireFormat.TIMESTAMP_ZONE) Instant createdAt) {

}
