package dev.rpcchat.api;

import java.math.BigInteger;
import java.util.List;

import com.googlecode.jsonrpc4j.JsonRpcMethod;
import com.googlecode.jsonrpc4j.JsonRpcParam;

/**
 * The binder's JSON-RPC contract: a registry where servers register remote procedures and
 * clients find them.
 */
public interface BinderService {

	/**
	 * Registers, or renews, one provider of a procedure; without a TTL the entry is
	 * permanent. The latest registration of an endpoint decides its lease and its scheme.
	 * @param procedureName the procedure's wire name
	 * @param address the provider's host name or IP address
	 * @param port the provider's port, 1 to 65535 (a {@link BigInteger}, so that any
	 * integer outside that range, however large, is the binder's
	 * {@link ErrorCode#INVALID_ENDPOINT}, not a type error)
	 * @param ttlSeconds the lease in seconds, or {@code null} for a permanent entry
	 * @param scheme {@code "http"} or {@code "https"}, how clients reach the provider;
	 * {@code null} for {@code "http"}
	 * @return {@code true}
	 */
	@JsonRpcMethod("register_procedure")
	@JsonRpcDescription("Registers, or renews, one provider of a procedure; without a TTL the entry is permanent.")
	@JsonRpcErrors({ ErrorCode.UNAUTHORIZED, ErrorCode.INVALID_ENDPOINT })
	boolean registerProcedure(@JsonRpcParam("procedure_name") String procedureName,
			@JsonRpcParam("address") String address, @JsonRpcParam("port") BigInteger port,
			@JsonRpcParam("ttl_seconds") @JsonRpcOptional Integer ttlSeconds,
			@JsonRpcParam("scheme") @JsonRpcOptional String scheme);

	/**
	 * Removes one provider of a procedure.
	 * @param procedureName the procedure's wire name
	 * @param address the provider's host name or IP address
	 * @param port the provider's port, 1 to 65535 (any other integer is
	 * {@link ErrorCode#INVALID_ENDPOINT})
	 * @return whether an entry was removed
	 */
	@JsonRpcMethod("unregister_procedure")
	@JsonRpcDescription("Removes one provider of a procedure.")
	@JsonRpcErrors({ ErrorCode.UNAUTHORIZED, ErrorCode.INVALID_ENDPOINT })
	boolean unregisterProcedure(@JsonRpcParam("procedure_name") String procedureName,
			@JsonRpcParam("address") String address, @JsonRpcParam("port") BigInteger port);

	/**
	 * Finds one live provider of a procedure, round-robin across providers.
	 * @param procedureName the procedure's wire name
	 * @return where the provider answers
	 * @throws ChatException {@link ErrorCode#PROCEDURE_NOT_FOUND} when none is live
	 */
	@JsonRpcMethod("lookup_procedure")
	@JsonRpcDescription("Finds one live provider of a procedure, round-robin across providers.")
	@JsonRpcErrors(ErrorCode.PROCEDURE_NOT_FOUND)
	ProcedureLocation lookupProcedure(@JsonRpcParam("procedure_name") String procedureName);

	/**
	 * Lists every live entry.
	 * @return the entries, sorted by procedure name, address and port
	 */
	@JsonRpcMethod("list_procedures")
	@JsonRpcDescription("Lists every live entry.")
	@JsonRpcErrors({})
	List<ProcedureEntry> listProcedures();

}
