package dev.rpcchat.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The application error codes of the wire contract, each with its stable numeric code and
 * reason.
 */
public enum ErrorCode {

	USERNAME_TAKEN(1001),

	INVALID_NAME(1002),

	ROOM_EXISTS(1003),

	ROOM_NOT_FOUND(1004),

	NOT_IN_ROOM(1005),

	RECIPIENT_NOT_IN_ROOM(1006),

	INVALID_MESSAGE(1007),

	UNAUTHORIZED(1008),

	RATE_LIMITED(1009),

	WEBSOCKET_REQUIRED(1010),

	PROCEDURE_NOT_FOUND(2001),

	INVALID_ENDPOINT(2002);

	private final int code;

	ErrorCode(int code) {
		this.code = code;
	}

	/**
	 * The numeric JSON-RPC error code.
	 * @return the code carried in the error's {@code code} member
	 */
	public int code() {
		return this.code;
	}

	/**
	 * The stable reason carried in the error's {@code data.reason} member.
	 * @return the reason, such as {@code ROOM_NOT_FOUND}
	 */
	public String reason() {
		return name();
	}

	/**
	 * Finds the error code with the given numeric code.
	 * @param code a JSON-RPC error code
	 * @return the matching error code, if it is one of the contract's
	 */
	public static Optional<ErrorCode> of(int code) {
		return Arrays.stream(values()).filter((candidate) -> candidate.code == code).findFirst();
	}

}
