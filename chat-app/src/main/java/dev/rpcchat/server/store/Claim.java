package dev.rpcchat.server.store;

/**
 * The outcome of {@link ChatStore#claimUsername}.
 */
public enum Claim {

	/** The name was free and is now the new session's. */
	CLAIMED,

	/** A session holds the name, in some case. */
	TAKEN,

	/** The store holds {@link StoreLimits#maxUsers} sessions already. */
	FULL

}
