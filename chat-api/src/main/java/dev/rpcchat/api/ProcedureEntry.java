package dev.rpcchat.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One live entry of the binder, as {@code list_procedures} returns it.
 *
 * @param procedureName the procedure's wire name
 * @param address the provider's host name or IP address
 * @param port the provider's port
 * @param scheme {@code http} or {@code https}, as the provider registered it
 * @param expiresAt when the lease ends, {@code null} for a permanent entry
 */
@JsonNaming(SnakeCaseStrategy.class)
public record ProcedureEntry(String procedureName, String address, int port, String scheme,
		@JsonRpcNullable @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = WireFormat.TIMESTAMP_PATTERN,
				timezone = WireFormat.TIMESTAMP_ZONE) Instant expiresAt) {

	/**
	 * Reads an entry; one without a scheme (from a binder older than the scheme) is
	 * {@code http}.
	 * @param procedureName the procedure's wire name
	 * @param address the provider's host name or IP address
	 * @param port the provider's port
	 * @param scheme {@code http}, {@code https}, or {@code null} for {@code http}
	 * @param expiresAt when the lease ends, {@code null} for a permanent entry
	 */
	@JsonCreator
	public ProcedureEntry {
		scheme = (scheme != null) ? scheme : ProcedureLocation.DEFAULT_SCHEME;
	}

	/**
	 * An entry served over plain HTTP.
	 * @param procedureName the procedure's wire name
	 * @param address the provider's host name or IP address
	 * @param port the provider's port
	 * @param expiresAt when the lease ends, {@code null} for a permanent entry
	 */
	public ProcedureEntry(String procedureName, String address, int port, Instant expiresAt) {
		this(procedureName, address, port, ProcedureLocation.DEFAULT_SCHEME, expiresAt);
	}

	/**
	 * Where this entry's provider answers.
	 * @return the entry as a lookup would return it
	 */
	public ProcedureLocation location() {
		return new ProcedureLocation(this.procedureName, this.address, this.port, this.scheme);
	}

}
