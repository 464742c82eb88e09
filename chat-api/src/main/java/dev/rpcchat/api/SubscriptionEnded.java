package dev.rpcchat.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The params of a {@code subscription_ended} notification: a room's messages are no
 * longer pushed to the socket.
 *
 * @param roomName the room
 * @param reason why
 */
@JsonNaming(SnakeCaseStrategy.class)
public record SubscriptionEnded(String roomName, Reason reason) {

	/**
	 * Why a subscription ended.
	 */
	public enum Reason {

		/** The user left the room. */
		LEFT_ROOM,

		/** The user's session ended: signed out, or expired. */
		SIGNED_OUT

	}

}
