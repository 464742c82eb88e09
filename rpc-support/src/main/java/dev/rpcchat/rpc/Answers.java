package dev.rpcchat.rpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answer writing: builds the response object of one call and writes it to bytes, once,
 * with the method's value serialized straight into them; a response that cannot be
 * written becomes the call's own -32603, so one bad value never spoils a batch.
 */
final class Answers {

	private static final Logger logger = LoggerFactory.getLogger(Answers.class);

	private static final String VERSION = "2.0";

	private final ObjectMapper mapper;

	private final JsonNodeFactory nodes;

	Answers(ObjectMapper mapper) {
		this.mapper = mapper;
		this.nodes = mapper.getNodeFactory();
	}

	/**
	 * The response of a call that succeeded.
	 * @param id the id to answer with
	 * @param value what the method returned: {@code null}, a JSON tree, or any value the
	 * wire mapper writes
	 * @return the response object
	 */
	ObjectNode result(JsonNode id, Object value) {
		ObjectNode answer = this.nodes.objectNode();
		answer.put("jsonrpc", VERSION);
		answer.set("result", node(value));
		answer.set("id", id);
		return answer;
	}

	/**
	 * The response of a call that failed with a protocol error, in the specification's
	 * words.
	 * @param id the id to answer with
	 * @param code the JSON-RPC error code
	 * @return the response object
	 */
	ObjectNode error(JsonNode id, int code) {
		return error(id, code, RpcErrors.message(code), null);
	}

	/**
	 * The response of a call that failed.
	 * @param id the id to answer with
	 * @param code the JSON-RPC error code
	 * @param message the one sentence for the client
	 * @param data the error's {@code data}, or {@code null} for none
	 * @return the response object
	 */
	ObjectNode error(JsonNode id, int code, String message, Object data) {
		ObjectNode answer = this.nodes.objectNode();
		answer.put("jsonrpc", VERSION);
		ObjectNode error = answer.putObject("error");
		error.put("code", code);
		error.put("message", message);
		if (data != null) {
			error.set("data", node(data));
		}
		answer.set("id", id);
		return answer;
	}

	/**
	 * Writes a response object.
	 * @param answer a response built here, whose id is always writable
	 * @return its bytes and error code; when it cannot be written (a getter that throws,
	 * text that is not Unicode), the call's -32603 with the same id
	 */
	Answer write(ObjectNode answer) {
		try {
			return new Answer(this.mapper.writeValueAsBytes(answer), code(answer));
		}
		catch (JacksonException ex) {
			logger.error("The answer to a JSON-RPC call could not be written", ex);
			ObjectNode internal = error(answer.get("id"), RpcErrors.INTERNAL_ERROR);
			return new Answer(bytes(internal), RpcErrors.INTERNAL_ERROR);
		}
	}

	/**
	 * The error code of a response object.
	 * @param answer a response built here
	 * @return 0 for a result, else its error's code
	 */
	static int code(ObjectNode answer) {
		JsonNode error = answer.get("error");
		return (error != null) ? error.get("code").intValue() : 0;
	}

	private byte[] bytes(ObjectNode answer) {
		try {
			return this.mapper.writeValueAsBytes(answer);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("A JSON-RPC error could not be written", ex);
		}
	}

	private JsonNode node(Object value) {
		if (value == null) {
			return NullNode.getInstance();
		}
		return (value instanceof JsonNode node) ? node : this.nodes.pojoNode(value);
	}

	/**
	 * One call's response, written.
	 *
	 * @param bytes the JSON text
	 * @param code 0 for a result, else the error's code
	 */
	record Answer(byte[] bytes, int code) {

	}

}
