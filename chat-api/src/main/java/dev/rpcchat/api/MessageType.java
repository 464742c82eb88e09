package dev.rpcchat.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What kind of message a {@link Message} is.
 */
public enum MessageType {

	/** Sent to everyone in the room. */
	@JsonProperty("broadcast")
	BROADCAST,

	/** Sent to one user in the room. */
	@JsonProperty("unicast")
	UNICAST,

	/** A join or leave announcement, with no sender. */
	@JsonProperty("system")
	SYSTEM

}
