package dev.rpcchat.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's session: the name as registered, the hash of its bearer token and when it
 * expires without another call.
 *
 * @param username the name, in the case it was registered with
 * @param tokenHash the SHA-256 of the bearer token (the token itself is never stored)
 * @param expiresAt when the session ends without another call
 */
public record Session(String username, String tokenHash, Instant expiresAt) {

	public Session {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(tokenHash, "tokenHash");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/**
	 * This session with another expiry.
	 * @param expiresAt the new expiry
	 * @return the renewed session
	 */
	public Session withExpiresAt(Instant expiresAt) {
		return new Session(this.username, this.tokenHash, expiresAt);
	}

	/**
	 * Whether the session has ended at the given time.
	 * @param now the time
	 * @return whether {@code expiresAt} is not after {@code now}
	 */
	public boolean isExpiredAt(Instant now) {
		return !this.expiresAt.isAfter(now);
	}

	@Override
	public String toString() {
		return "Session[username=" + this.username + ", expiresAt=" + this.expiresAt + "]";
	}

}
