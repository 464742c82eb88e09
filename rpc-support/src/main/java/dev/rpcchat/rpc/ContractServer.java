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
		super(new ResultsAsValues(mapper), service.implementation(), service.contract());
		setErrorResolver(new RpcErrorResolver());
		setShouldLogInvocationErrors(false);
		setAllowExtraParams(false);
		setAllowLessParams(false);
	}

	/**
	 * Invokes one checked request.
	 * @param request a request with an id, the method's wire name and every param by
	 * position
	 * @return jsonrpc4j's response object, with either {@code result} or {@code error}; a
	 * result (or an error's data) other than {@code null} or a tree is a
	 * {@link com.fasterxml.jackson.databind.node.POJONode POJONode} holding the method's
	 * return value, serialized when the answer is written
	 * @throws IOException when jsonrpc4j cannot read the request
	 */
	JsonNode invoke(ObjectNode request) throws IOException {
		return handleJsonNodeRequest(request).getResponse();
	}

	/**
	 * The wire mapper, except that jsonrpc4j's {@code valueToTree} of a result leaves the
	 * value as it is: otherwise every result would be turned into a tree of nodes and the
	 * tree serialized again (about 5 % of a {@code send_message}, a fifth of a
	 * {@code join_room} with its 50 messages).
	 */
	private static final class ResultsAsValues extends ObjectMapper {

		private static final long serialVersionUID = 1L;

		ResultsAsValues(ObjectMapper wire) {
			super(wire);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T extends JsonNode> T valueToTree(Object value) {
			if (value == null) {
				return (T) getNodeFactory().nullNode();
			}
			if (value instanceof JsonNode node) {
				return (T) node;
			}
			return (T) getNodeFactory().pojoNode(value);
		}

	}

}
