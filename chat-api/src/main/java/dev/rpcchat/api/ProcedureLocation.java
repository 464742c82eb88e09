package dev.rpcchat.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code lookup_procedure}: where one live provider of a procedure answers.
 *
 * @param procedureName the procedure's wire name
 * @param address the provider's host name or IP address
 * @param port the provider's port
 * @param scheme {@code http} or {@code https}, as the provider registered it
 */
@JsonNaming(SnakeCaseStrategy.class)
public record ProcedureLocation(String procedureName, String address, int port, String scheme) {

	/**
	 * The scheme of a provider that registered none.
	 */
	public static final String DEFAULT_SCHEME = "http";

	/**
	 * Reads a location; one without a scheme (from a binder older than the scheme) is
	 * {@code http}.
	 * @param procedureName the procedure's wire name
	 * @param address the provider's host name or IP address
	 * @param port the provider's port
	 * @param scheme {@code http}, {@code https}, or {@code null} for {@code http}
	 */
	@JsonCreator
	public ProcedureLocation {
		scheme = (scheme != null) ? scheme : DEFAULT_SCHEME;
	}

	/**
	 * A location served over plain HTTP.
	 * @param procedureName the procedure's wire name
	 * @param address the provider's host name or IP address
	 * @param port the provider's port
	 */
	public ProcedureLocation(String procedureName, String address, int port) {
		this(procedureName, address, port, DEFAULT_SCHEME);
	}

	/**
	 * The URL of the provider's JSON-RPC endpoint.
	 * @return {@code scheme://address:port/rpc}
	 */
	public String rpcUrl() {
		String host = (this.address.indexOf(':') >= 0) ? "[" + this.address + "]" : this.address;
		return this.scheme + "://" + host + ":" + this.port + "/rpc";
	}

}
