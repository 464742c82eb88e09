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
import dev.rpcchat.server.room.RoomService;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.rate.CallerRateLimit;
import dev.rpcchat.server.store.Session;

/**
 * Users and their sessions: registration, the bearer-token check of every call that names
 * a user, and the end of a session.
 */
public class UserRegistry {

	private final ChatStore store;

	private final RoomService rooms;

	private final Duration sessionTtl;

	private final CallerRateLimit registrations;

	private final Clock clock;

	public UserRegistry(ChatStore store, RoomService rooms, Duration sessionTtl, CallerRateLimit registrations,
			Clock clock) {
		this.store = store;
		this.rooms = rooms;
		this.sessionTtl = sessionTtl;
		this.registrations = registrations;
		this.clock = clock;
	}

	/**
	 * Claims a username and opens its session.
	 * @param username the name, in the case to keep
	 * @return the name and the session's token
	 */
	public RegisteredUser register(String username) {
		String name = Names.normalize(username);
		Names.requireValidUsername(name);
		this.registrations.take();
		String token = SessionTokens.newToken();
		Session session = new Session(name, SessionTokens.hash(token), sessionExpiry(now()));
		return switch (this.store.claimUsername(session)) {
			case CLAIMED -> new RegisteredUser(name, token);
			case TAKEN -> throw new ChatException(ErrorCode.USERNAME_TAKEN,
					"That username is taken (usernames are unique regardless of case).");
			case FULL -> throw new ChatException(ErrorCode.SERVER_FULL,
					"The server has as many users as it may hold; try again later.");
		};
	}

	/**
	 * Checks that the current call carries the live token of the named user, and renews
	 * the session.
	 * @param username the user the call names, in any case
	 * @return the renewed session
	 */
	public Session authenticate(String username) {
		Session session = callerSession()
			.orElseThrow(() -> unauthorizedBecause("A valid bearer token is required for user " + username + "."));
		if (username == null || !Names.key(session.username()).equals(Names.key(username))) {
			throw unauthorizedBecause("The bearer token does not belong to user " + username + ".");
		}
		return session;
	}

	/**
	 * The hash of the current call's bearer token, for a store step that checks the
	 * session itself.
	 * @param username the user the call names
	 * @return the hash
	 * @throws ChatException {@link ErrorCode#UNAUTHORIZED} if the call carries no token
	 * or names no user
	 */
	public String requireCallerTokenHash(String username) {
		Optional<String> tokenHash = callerTokenHash();
		if (tokenHash.isEmpty() || username == null) {
			throw unauthorized(username);
		}
		return tokenHash.get();
	}

	/**
	 * The error of a call whose token is not the live token of the user it names.
	 * @param username the user the call names
	 * @return the error, {@link ErrorCode#UNAUTHORIZED}, saying whether the token is
	 * unknown or another user's
	 */
	public ChatException unauthorized(String username) {
		try {
			authenticate(username);
		}
		catch (ChatException ex) {
			return ex;
		}
		return unauthorizedBecause("The bearer token does not belong to user " + username + ".");
	}

	/**
	 * When a session renewed now expires.
	 * @param now the current time
	 * @return {@code now} plus {@code chat.users.session-ttl}
	 */
	public Instant sessionExpiry(Instant now) {
		return now.plus(this.sessionTtl);
	}

	/**
	 * Checks that the current call carries the live token of some user, and renews that
	 * session.
	 * @return the renewed session
	 */
	public Session authenticateAnyone() {
		return callerSession()
			.orElseThrow(() -> unauthorizedBecause("A valid bearer token of a registered user is required."));
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
			.orElseThrow(() -> unauthorizedBecause("The token is unknown or has expired."));
	}

	/**
	 * Renews the live session with this token hash, as a call with its token would.
	 * @param tokenHash the hash of the session's token
	 * @return the renewed session, or empty if it is not live
	 */
	public Optional<Session> renew(String tokenHash) {
		Instant now = now();
		return this.store.touchSession(tokenHash, now, sessionExpiry(now));
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
	}

	/**
	 * Ends a session on request: leaves every room (announced) and frees the name.
	 * @param username the user
	 */
	public void unregister(String username) {
		Session session = authenticate(username);
		this.rooms.leaveAll(session.username());
		this.store.releaseUsername(session.username(), session.tokenHash());
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
		return this.store.releaseUsernameIfExpired(session.username(), now);
	}

	/**
	 * The hash of the current call's bearer token (or of the token bound to its socket).
	 * @return the hash, or empty if the call carries no token
	 */
	public Optional<String> callerTokenHash() {
		return RpcCaller.bearerToken().filter((token) -> !token.isEmpty()).map(SessionTokens::hash);
	}

	private Optional<Session> callerSession() {
		Instant now = now();
		return RpcCaller.bearerToken()
			.filter((token) -> !token.isEmpty())
			.flatMap((token) -> this.store.touchSession(SessionTokens.hash(token), now, sessionExpiry(now)));
	}

	private static ChatException unauthorizedBecause(String message) {
		return new ChatException(ErrorCode.UNAUTHORIZED, message);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
