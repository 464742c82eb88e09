package dev.rpcchat.rpc;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.googlecode.jsonrpc4j.JsonRpcBasicServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the envelope hands a call to jsonrpc4j, and the only place that reads what
 * jsonrpc4j answers.
 *
 * <p>
 * The envelope has already checked everything the specification and the contract say
 * about a call (the request object, the method's name, every param's presence, JSON type,
 * range and text), so jsonrpc4j does three things: it finds the Java method of the
 * contract interface by its {@code @JsonRpcMethod} name, converts the params (given by
 * position) to the method's Java types with the wire mapper, and invokes the method,
 * handing anything it throws to {@link RpcErrorResolver}. Everything else of jsonrpc4j's
 * server (its envelope, batches, notifications, HTTP statuses, error wording) is unused.
 *
 * <p>
 * An error comes back as the envelope's own only when {@link RpcErrorResolver} made it:
 * the resolver marks it with a {@link RpcErrorResolver.Resolved} of its own type. Any
 * other error is jsonrpc4j's (a param conversion the envelope's checks let through, a
 * method it could not match): it is logged, and the client gets a bare -32602 or -32603,
 * never jsonrpc4j's wording, whatever its version writes.
 *
 * <p>
 * jsonrpc4j turns a method's return value into a JSON tree with
 * {@link ObjectMapper#valueToTree}, its only hook on results, before the envelope writes
 * it; with {@code ResultsAsValues} that tree is a single node holding the value, which
 * the envelope serializes straight into the answer's bytes (turning every result into a
 * tree of nodes first cost about 5 % of a {@code send_message}, a fifth of a
 * {@code join_room} with its 50 messages). Subclassing the mapper is the one way in:
 * jsonrpc4j has no result listener that sees the value rather than the tree.
 */
final class ContractServer extends JsonRpcBasicServer {

	private static final Logger logger = LoggerFactory.getLogger(ContractServer.class);

	private static final IntNode INTERNAL_ID = IntNode.valueOf(1);

	private final ObjectMapper mapper;

	private final RpcErrorResolver errors = new RpcErrorResolver();

	ContractServer(ObjectMapper mapper, RpcService service) {
		super(new ResultsAsValues(mapper), service.implementation(), service.contract());
		this.mapper = mapper;
		setErrorResolver(this.errors);
		setShouldLogInvocationErrors(false);
		setAllowExtraParams(false);
		setAllowLessParams(false);
	}

	/**
	 * Invokes one checked call.
	 * @param method the contract method
	 * @param params every param by position, checked against the method
	 * @return what the method returned, or the error it ends with
	 */
	Outcome invoke(MethodDescriptor method, ArrayNode params) {
		ObjectNode request = this.mapper.createObjectNode();
		request.put("jsonrpc", "2.0");
		request.set("id", INTERNAL_ID);
		request.put("method", method.name());
		request.set("params", params);
		JsonNode response;
		try {
			response = handleJsonNodeRequest(request).getResponse();
		}
		catch (IOException | RuntimeException ex) {
			logger.error("jsonrpc4j could not dispatch {}", method.name(), ex);
			return new Outcome.Failed(RpcErrors.INTERNAL_ERROR, RpcErrors.message(RpcErrors.INTERNAL_ERROR), null);
		}
		JsonNode error = response.get("error");
		if (error == null || error.isNull()) {
			return new Outcome.Returned(value(response.get("result")));
		}
		if (error.get("data") instanceof POJONode data
				&& data.getPojo() instanceof RpcErrorResolver.Resolved resolved) {
			return new Outcome.Failed(resolved.code(), resolved.message(), resolved.data());
		}
		logger.error("jsonrpc4j refused a call of {} that the envelope had checked: {}", method.name(), error);
		int code = (error.path("code").asInt() == RpcErrors.INVALID_PARAMS) ? RpcErrors.INVALID_PARAMS
				: RpcErrors.INTERNAL_ERROR;
		return new Outcome.Failed(code, RpcErrors.message(code), null);
	}

	/**
	 * The error of a call answered later ({@link RpcCaller#answerLater}) whose answer
	 * failed, resolved exactly as if the method had thrown the failure.
	 * @param method the contract method
	 * @param failure what the answer failed with
	 * @return the error
	 */
	Outcome.Failed failed(MethodDescriptor method, Throwable failure) {
		RpcErrorResolver.Resolved resolved = this.errors.resolve(failure, method.method());
		return new Outcome.Failed(resolved.code(), resolved.message(), resolved.data());
	}

	private static Object value(JsonNode result) {
		if (result == null || result.isNull()) {
			return null;
		}
		return (result instanceof POJONode pojo) ? pojo.getPojo() : result;
	}

	/**
	 * How a call ended.
	 */
	sealed interface Outcome {

		/**
		 * The method returned.
		 *
		 * @param value its value: {@code null}, a JSON tree, or any value the wire mapper
		 * writes
		 */
		record Returned(Object value) implements Outcome {

		}

		/**
		 * The call failed.
		 *
		 * @param code the JSON-RPC error code
		 * @param message the one sentence for the client
		 * @param data the error's {@code data}, or {@code null}
		 */
		record Failed(int code, String message, Object data) implements Outcome {

		}

	}

	/**
	 * The wire mapper, except that {@code valueToTree} leaves a value as it is, in a node
	 * of its own (see the class comment).
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
