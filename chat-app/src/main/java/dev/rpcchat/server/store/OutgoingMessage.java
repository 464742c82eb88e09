package dev.rpcchat.server.store;

import java.util.Objects;

/**
 * A message a user asks to send, before the store gives it an id.
 *
 * @param roomName the room, in any case
 * @param sender the sender, as registered (from its session)
 * @param recipient the recipient in any case, or {@code null} for a broadcast
 * @param content the text
 * @param clientMsgId the sender's id for safe resends, or {@code null}
 */
public record OutgoingMessage(String roomName, String sender, String recipient, String content, String clientMsgId) {

	public OutgoingMessage {
		Objects.requireNonNull(roomName, "roomName");
		Objects.requireNonNull(sender, "sender");
		Objects.requireNonNull(content, "content");
	}

}
