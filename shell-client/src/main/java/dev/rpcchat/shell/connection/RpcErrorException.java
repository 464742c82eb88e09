package dev.rpcchat.shell.connection;

/**
 * A JSON-RPC error that is not one of the contract's application errors, such as invalid
 * params.
 */
public class RpcErrorException extends RuntimeException {

	private final int code;

	RpcErrorException(int code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
