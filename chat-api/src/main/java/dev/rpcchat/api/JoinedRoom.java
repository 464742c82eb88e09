package dev.rpcchat.api;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code join_room}: who is in the room and its last broadcasts, oldest
 * first.
 *
 * @param roomName the room, in its registered case
 * @param users the users now in the room, the joiner included, sorted case-insensitively
 * @param messages the last broadcast messages (at most 50), oldest first
 */
@JsonNaming(SnakeCaseStrategy.class)
public record JoinedRoom(String roomName, List<String> users, List<Message> messages) {

	public JoinedRoom {
		users = List.copyOf(users);
		messages = List.copyOf(messages);
	}

}
