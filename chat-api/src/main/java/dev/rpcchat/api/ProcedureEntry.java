package dev.rpcchat.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One live entry of the binder, as {@code list_procedures} returns it.
 *
 * @param procedureName the procedure's wire name
 * @param address the provider's host name or IP address
 * @param port the provider's port
 * @param expiresAt when the lease ends, {@code null} for a permanent entry
 */
@JsonNaming(SnakeCaseStrategy.class)
public record ProcedureEntry(String procedureName, String address, int port,
		@JsonRpcNullable @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = WireFormat.TIMESTAMP_PATTERN,
				timezone = WireFormat.TIMESTAMP_ZONE) Instant expiresAt) {

}
