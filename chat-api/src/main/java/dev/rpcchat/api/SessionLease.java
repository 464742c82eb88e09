package dev.rpcchat.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code heartbeat}: when the session ends if no further call is made.
 *
 * @param username the session's user
 * @param expiresAt when the session expires without another call
 */
@JsonNaming(SnakeCaseStrategy.class)
public record SessionLease(String username, @JsonFormat(shape = JsonFormat.Shape.STRING,
		pattern = WireFormat.TIMESTAMP_PATTERN, timezone = WireFormat.TIMESTAMP_ZONE) Instant expiresAt) {

}
