package dev.rpcchat.server.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.api.SessionLease;
import dev.rpcchat.rpc.RpcCaller;
import dev.rpcchat.server.message.SendRateLimiter;
import dev.rpcchat.server.room.RoomService;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.Names;
import dev.rpcchat.server.store.Session;

/**
 * Users and their sessions: registration, the bearer-token check of every call that names
 * a user, and the end of a session.
 */
public class UserRegistry {

	private final ChatStore store;

	private final RoomService rooms;

	private final SendRateLimiter rateLimiter;

	private final Duration sessionTtl;

	private final Clock clock;

	public UserRegistry(ChatStore store, RoomService rooms, SendRateLimiter rateLimiter, Duration sessionTtl,
			Clock clock) {
		this.store = store;
		this.rooms = rooms;
		this.rateLimiter = rateLimiter;
		this.sessionTtl = sessionTtl;
		this.clock = clock;
	}

	/**
	 * Claims a username and opens its session.
	 * @param username the name, in the case to keep
	 * @return the name and the session's token
	 */
	public RegisteredUser register(String username) {
		if (!Names.isValidUsername(username)) {
			throw new ChatException(ErrorCode.INVALID_NAME, "A username is 1 to 32 letters, digits, '_', '-' or '.'.");
		}
		String token = SessionTokens.newToken();
		Session session = new Session(username, SessionTokens.hash(token), now().plus(this.sessionTtl));
		if (!this.store.claimUsername(session)) {
			throw new ChatException(ErrorCode.USERNAME_TAKEN,
					"That username is taken (usernames are unique regardless of case).");
		}
		return new RegisteredUser(username, token);
	}

	/**
	 * Checks that the current call carries the live token of the named user, and renews
	 * the session.
	 * @param username the user the call names, in any case
	 * @return the renewed session
	 */
	public Session authenticate(String username) {
		Session session = callerSession()
			.orElseThrow(() -> unauthorized("A valid bearer token is required for user " + username + "."));
		if (username == null || !Names.key(session.username()).equals(Names.key(username))) {
			throw unauthorized("The bearer token does not belong to user " + username + ".");
		}
		return session;
	}

	/**
	 * Checks that the current call carries the live token of some user, and renews that
	 * session.
	 * @return the renewed session
	 */
	public Session authenticateAnyone() {
		return callerSession()
			.orElseThrow(() -> unauthorized("A valid bearer token of a registered user is required."));
	}

	/**
	 * Renews the caller's session if the call carries a live token; a call that needs no
	 * token still keeps its caller alive.
	 */
	public void renewCaller() {
		callerSession();
	}

	/**
	 * Renews a session on request.
	 * @param username the user
	 * @return when the session now expires
	 */
	public SessionLease heartbeat(String username) {
		Session session = authenticate(username);
		return new SessionLease(session.username(), session.expiresAt());
	}

	/**
	 * Checks a token given as a parameter, not as the call's bearer token, and renews its
	 * session.
	 * @param token the token
	 * @return the renewed session
	 */
	public Session authenticateToken(String token) {
		return Optional.ofNullable(token)
			.filter((candidate) -> !candidate.isEmpty())
			.flatMap((candidate) -> renew(SessionTokens.hash(candidate)))
			.orElseThrow(() -> unauthorized("The token is unknown or has expired."));
	}

	/**
	 * Renews the live session with this token hash, as a call with its token would.
	 * @param tokenHash the hash of the session's token
	 * @return the renewed session, or empty if it is not live
	 */
	public Optional<Session> renew(String tokenHash) {
		Instant now = now();
		return this.store.touchSession(tokenHash, now, now.plus(this.sessionTtl));
	}

	/**
	 * Tells whether the session with this token hash is live, renewing nothing.
	 * @param tokenHash the hash of the session's token
	 * @return whether it is live
	 */
	public boolean isLive(String tokenHash) {
		Instant now = now();
		// touchSession never moves an expiry earlier: this one moves nothing
		return this.store.touchSession(tokenHash, now, now).isPresent();
	}

	/**
	 * The hash under which a token's session is stored.
	 * @param token the token
	 * @return its hash
	 */
	public static String tokenHash(String token) {
		return SessionTokens.hash(token);
	}

	/**
	 * Undoes a registration that its caller never saw: frees the name, announcing nothing
	 * (the session has joined no room).
	 * @param user what {@link #register} returned
	 */
	public void discard(RegisteredUser user) {
		this.store.releaseUsername(user.username(), SessionTokens.hash(user.token()));
		this.rateLimiter.forget(user.username());
	}

	/**
	 * Ends a session on request: leaves every room (announced) and frees the name.
	 * @param username the user
	 */
	public void unregister(String username) {
		Session session = authenticate(username);
		this.rooms.leaveAll(session.username());
		this.store.releaseUsername(session.username(), session.tokenHash());
		this.rateLimiter.forget(session.username());
	}

	/**
	 * Ends an expired session: leaves every room (announced) and frees the name, unless
	 * the session has been renewed meanwhile.
	 * @param session the expired session
	 * @return whether the session was ended
	 */
	boolean expire(Session session) {
		Instant now = now();
		if (!session.isExpiredAt(now)) {
			return false;
		}
		// An expired token authenticates nothing, so no join can slip in between these
		// steps.
		this.rooms.leaveAll(session.username());
		boolean released = this.store.releaseUsernameIfExpired(session.username(), now);
		if (released) {
			this.rateLimiter.forget(session.username());
		}
		return released;
	}

	/**
	 * The hash of the current call's bearer token, for a store step that checks the
	 * session itself.
	 * @return the hash, or empty if the call carries no token
	 */
	public Optional<String> callerTokenHash() {
		return RpcCaller.bearerToken().filter((token) -> !token.isEmpty()).map(SessionTokens::hash);
	}

	private Optional<Session> callerSession() {
		Instant now = now();
		return RpcCaller.bearerToken()
			.filter((token) -> !token.isEmpty())
			.flatMap((token) -> this.store.touchSession(SessionTokens.hash(token), now, now.plus(this.sessionTtl)));
	}

	private static ChatException unauthorized(String message) {
		return new ChatException(ErrorCode.UNAUTHORIZED, message);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
