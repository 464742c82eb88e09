package dev.rpcchat.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One read of a {@code receive_messages} call as {@link ChatStore#read} takes it.
 *
 * @param tokenHash the hash of the call's bearer token
 * @param username the reader the call names, in any case
 * @param roomName the room, in any case
 * @param afterId the client's own cursor (messages with a greater id, never earlier than
 * the member's join), or {@code null} to read past the member's stored cursor
 * @param limit the most messages to return, positive
 * @param now the current time
 * @param sessionExpiresAt the session's new expiry
 */
public record ReadRequest(String tokenHash, String username, String roomName, Long afterId, int limit, Instant now,
		Instant sessionExpiresAt) {

	public ReadRequest {
		Objects.requireNonNull(tokenHash, "tokenHash");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(roomName, "roomName");
		Objects.requireNonNull(now, "now");
		Objects.requireNonNull(sessionExpiresAt, "sessionExpiresAt");
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive");
		}
	}

}
