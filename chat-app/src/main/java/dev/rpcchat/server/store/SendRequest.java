package dev.rpcchat.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code send_message} call as {@link ChatStore#send} takes it: the caller's token, the
 * user the call names and the message, with the times of the step.
 *
 * @param tokenHash the hash of the call's bearer token
 * @param username the user the call names, in any case
 * @param roomName the room, in any case
 * @param recipient the recipient in any case, or {@code null} for a broadcast
 * @param content the text, already checked
 * @param clientMsgId the sender's id for safe resends, or {@code null}
 * @param now the current time: the message's timestamp
 * @param sessionExpiresAt the session's new expiry
 */
public record SendRequest(String tokenHash, String username, String roomName, String recipient, String content,
		String clientMsgId, Instant now, Instant sessionExpiresAt) {

	public SendRequest {
		Objects.requireNonNull(tokenHash, "tokenHash");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(roomName, "roomName");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(now, "now");
		Objects.requireNonNull(sessionExpiresAt, "sessionExpiresAt");
	}

}
