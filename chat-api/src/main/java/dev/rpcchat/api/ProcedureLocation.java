package dev.rpcchat.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code lookup_procedure}: where one live provider of a procedure answers.
 *
 * @param procedureName the procedure's wire name
 * @param address the provider's host name or IP address
 * @param port the provider's port
 */
@JsonNaming(SnakeCaseStrategy.class)
public record ProcedureLocation(String procedureName, String address, int port) {

	/**
	 * The URL of the provider's JSON-RPC endpoint.
	 * @return {@code http://address:port/rpc}
	 */
	public String rpcUrl() {
		String host = (this.address.indexOf(':') >= 0) ? "[" + this.address + "]" : this.address;
		return "http://" + host + ":" + this.port + "/rpc";
	}

}
