package dev.rpcchat.rpc;

/**
 * Thrown by a service to answer its call with JSON-RPC error -32602 (invalid params), its
 * message being the one human sentence sent to the client.
 */
public class InvalidParamsException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message one human sentence saying which parameter is wrong and why
	 */
	public InvalidParamsException(String message) {
		super(message, null, false, false);
	}

}
