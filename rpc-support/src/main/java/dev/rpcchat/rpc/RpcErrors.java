package dev.rpcchat.rpc;

/**
 * The JSON-RPC 2.0 protocol error codes and their messages, as the specification words
 * them.
 */
final class RpcErrors {

	static final int PARSE_ERROR = -32700;

	static final int INVALID_REQUEST = -32600;

	static final int METHOD_NOT_FOUND = -32601;

	static final int INVALID_PARAMS = -32602;

	static final int INTERNAL_ERROR = -32603;

	/**
	 * A call of a batch that was not executed because the batch's answers had reached
	 * {@code rpc.batch.max-answer-size}: one of the codes the specification leaves to the
	 * server (-32000 to -32099).
	 */
	static final int NOT_EXECUTED = -32001;

	private RpcErrors() {
	}

	static String message(int code) {
		return switch (code) {
			case PARSE_ERROR -> "Parse error";
			case INVALID_REQUEST -> "Invalid Request";
			case METHOD_NOT_FOUND -> "Method not found";
			case INVALID_PARAMS -> "Invalid params";
			case NOT_EXECUTED -> "Not executed";
			default -> "Internal error";
		};
	}

	static boolean isProtocolCode(int code) {
		return code >= -32768 && code <= -32000;
	}

}
