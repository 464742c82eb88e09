package dev.rpcchat.api;

import java.util.Map;

/**
 * An application error of the wire contract: a stable code, one human sentence and
 * optional details.
 */
public class ChatException extends RuntimeException {

	private final ErrorCode errorCode;

	private final Map<String, Object> details;

	public ChatException(ErrorCode errorCode, String message) {
		this(errorCode, message, Map.of());
	}

	public ChatException(ErrorCode errorCode, String message, Map<String, Object> details) {
		super(message, null, false, false);
		this.errorCode = errorCode;
		this.details = Map.copyOf(details);
	}

	public ErrorCode errorCode() {
		return this.errorCode;
	}

	/**
	 * Details sent beside {@code reason} in the error's {@code data} member.
	 * @return the details, never {@code null}
	 */
	public Map<String, Object> details() {
		return this.details;
	}

}
