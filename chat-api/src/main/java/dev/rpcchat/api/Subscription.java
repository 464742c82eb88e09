package dev.rpcchat.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code subscribe}: the room, and its newest message id when the
 * subscription began.
 *
 * @param roomName the room, in its registered case
 * @param lastId the newest message id in the room at the time of the call (0 if none):
 * without {@code after_id}, the messages after it are pushed
 */
@JsonNaming(SnakeCaseStrategy.class)
public record Subscription(String roomName, long lastId) {

}
