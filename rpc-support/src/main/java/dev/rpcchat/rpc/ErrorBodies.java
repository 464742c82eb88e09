package dev.rpcchat.rpc;

import java.nio.charset.StandardCharsets;

/**
 * The JSON bodies of answers that do not come from the endpoint: errors Tomcat or Spring
 * MVC raise before (or instead of) a dispatch, with no framework wording in them.
 */
final class ErrorBodies {

	static final String INVALID_REQUEST = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}";

	static final String INTERNAL_ERROR = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":null}";

	static final String NOT_FOUND = "{\"error\":\"Not found: JSON-RPC is served at POST /rpc\"}";

	private ErrorBodies() {
	}

	/**
	 * Whether a raw request URI names the JSON-RPC endpoint ({@code /rpc} or
	 * {@code /rpc/}, any query string aside).
	 * @param uri the request URI, possibly {@code null}
	 * @return whether it is the endpoint's
	 */
	static boolean isRpc(String uri) {
		if (uri == null) {
			return false;
		}
		int query = uri.indexOf('?');
		String path = (query >= 0) ? uri.substring(0, query) : uri;
		return path.equals(JsonRpcEndpoint.PATH) || path.equals(JsonRpcEndpoint.PATH + "/");
	}

	/**
	 * The JSON-RPC error for a request to {@code /rpc} that failed outside the endpoint.
	 * @param status the HTTP status the failure would have had
	 * @return the body, to be sent with HTTP 200
	 */
	static byte[] rpc(int status) {
		return ((status >= 500) ? INTERNAL_ERROR : INVALID_REQUEST).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A plain JSON error for any other path, to be sent with the given status.
	 * @param status the HTTP status
	 * @return the body
	 */
	static byte[] other(int status) {
		String body = switch (status) {
			case 404 -> NOT_FOUND;
			case 400 -> "{\"error\":\"Bad request\"}";
			case 405 -> "{\"error\":\"Method not allowed\"}";
			case 413 -> "{\"error\":\"Request too large\"}";
			case 431 -> "{\"error\":\"Request headers too large\"}";
			default -> (status >= 500) ? "{\"error\":\"Internal error\"}" : "{\"error\":\"Request failed\"}";
		};
		return body.getBytes(StandardCharsets.UTF_8);
	}

}
