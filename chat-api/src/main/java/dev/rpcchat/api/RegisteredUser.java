package dev.rpcchat.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code register_user}: the name as registered and the session's bearer
 * token.
 *
 * @param username the name, in the case it was registered with
 * @param token the token every call naming this user must carry
 */
@JsonNaming(SnakeCaseStrategy.class)
public record RegisteredUser(String username, String token) {

	@Override
	public String toString() {
		return "RegisteredUser[username=" + this.username + ", token=<hidden>]";
	}

}
