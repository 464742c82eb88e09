package dev.rpcchat.binder;

import java.time.Instant;
import java.util.Objects;

import dev.rpcchat.api.ProcedureEntry;
import dev.rpcchat.api.ProcedureLocation;

/**
 * One provider of a procedure as the registry holds it: permanent when {@code expiresAt}
 * is {@code null}, else a lease.
 *
 * @param procedureName the procedure's wire name
 * @param address the provider's host name or IP address
 * @param port the provider's port
 * @param scheme {@code http} or {@code https}
 * @param expiresAt when the lease ends, or {@code null} for a permanent entry
 */
record Registration(String procedureName, String address, int port, String scheme, Instant expiresAt) {

	Registration {
		Objects.requireNonNull(procedureName, "procedureName");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(scheme, "scheme");
	}

	boolean isLiveAt(Instant now) {
		return this.expiresAt == null || this.expiresAt.isAfter(now);
	}

	boolean isPermanent() {
		return this.expiresAt == null;
	}

	boolean hasEndpoint(String address, int port) {
		return this.port == port && this.address.equals(address);
	}

	ProcedureEntry toEntry() {
		return new ProcedureEntry(this.procedureName, this.address, this.port, this.scheme, this.expiresAt);
	}

	ProcedureLocation toLocation() {
		return new ProcedureLocation(this.procedureName, this.address, this.port, this.scheme);
	}

}
