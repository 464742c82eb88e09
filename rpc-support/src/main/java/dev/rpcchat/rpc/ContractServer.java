package dev.rpcchat.rpc;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.googlecode.jsonrpc4j.JsonRpcBasicServer;

/**
 * jsonrpc4j's server, given only requests the envelope layer has already checked and put
 * in normal form: it finds the Java method, converts the params and invokes it.
 */
final class ContractServer extends JsonRpcBasicServer {

	ContractServer(ObjectMapper mapper, RpcService service) {
		super(mapper, service.implementation(), service.contract());
		setErrorResolver(new RpcErrorResolver());
		setShouldLogInvocationErrors(false);
		setAllowExtraParams(false);
		setAllowLessParams(false);
	}

	/**
	 * Invokes one checked request.
	 * @param request a request with an id, the method's wire name and every param by
	 * position
	 * @return jsonrpc4j's response object, with either {@code result} or {@code error}
	 * @throws IOException when jsonrpc4j cannot read the request
	 */
	JsonNode invoke(ObjectNode request) throws IOException {
		return handleJsonNodeRequest(request).getResponse();
	}

}
