package dev.rpcchat.api;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code get_history}: a page of the messages the caller may see, oldest
 * first.
 *
 * @param roomName the room, in its registered case
 * @param messages at most the asked limit of messages, oldest first
 * @param hasMore whether older messages the caller may see exist
 */
@JsonNaming(SnakeCaseStrategy.class)
public record History(String roomName, List<Message> messages, boolean hasMore) {

	public History {
		messages = List.copyOf(messages);
	}

}
