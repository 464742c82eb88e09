package dev.rpcchat.rpc;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request validation: reads a body into JSON and tells each request object that the
 * specification accepts from one it does not, before anything runs.
 */
final class RequestReader {

	private static final Logger logger = LoggerFactory.getLogger(RequestReader.class);

	private static final String VERSION = "2.0";

	private final ObjectReader reader;

	RequestReader(ObjectMapper mapper) {
		// big decimals keep every numeric id exactly as it came, whatever its size
		this.reader = mapper.readerFor(JsonNode.class)
			.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	/**
	 * Reads a body.
	 * @param body the bytes of the request
	 * @return the JSON value, or {@code null} when the body is not one JSON value (a
	 * parse error), a number too large to read (such as {@code 1e99999999999}) included
	 */
	JsonNode parse(byte[] body) {
		try {
			JsonNode root = this.reader.readTree(body);
			return (root == null || root.isMissingNode()) ? null : root;
		}
		catch (IOException | NumberFormatException ex) {
			// the client's mistake, answered -32700: nothing for the server's log
			logger.debug("Unreadable JSON-RPC body: {}", ex.toString());
			return null;
		}
	}

	/**
	 * Checks one request object, as the specification has it, and that its {@code id} and
	 * {@code method} are Unicode text.
	 * @param node an element of a batch, or the whole body
	 * @return the call, or why it is invalid
	 */
	Request read(JsonNode node) {
		if (!node.isObject()) {
			return new Request.Invalid(NullNode.getInstance());
		}
		JsonNode id = node.get("id");
		boolean validId = id == null || id.isNumber() || id.isNull()
				|| (id.isTextual() && !Surrogates.unpairedIn(id.textValue()));
		JsonNode echoedId = (id != null && validId) ? id : NullNode.getInstance();
		JsonNode method = node.get("method");
		JsonNode params = node.get("params");
		if (!validId || !isVersion(node.get("jsonrpc")) || method == null || !method.isTextual()
				|| Surrogates.unpairedIn(method.textValue()) || (params != null && !params.isContainerNode())) {
			return new Request.Invalid(echoedId);
		}
		return new Request.Call(echoedId, id == null, method.textValue(), params);
	}

	private static boolean isVersion(JsonNode version) {
		return version != null && version.isTextual() && VERSION.equals(version.textValue());
	}

	/**
	 * One request object of a body, as {@link #read} found it.
	 */
	sealed interface Request {

		/**
		 * The id to answer with.
		 * @return the request's id, or JSON null
		 */
		JsonNode id();

		/**
		 * A request the specification accepts.
		 *
		 * @param id the id to answer with: the request's own, or JSON null
		 * @param notification whether the request had no id, so gets no answer
		 * @param method the method's name
		 * @param params the params as given: an array, an object, or {@code null}
		 */
		record Call(JsonNode id, boolean notification, String method, JsonNode params) implements Request {

		}

		/**
		 * A request the specification does not accept, answered -32600.
		 *
		 * @param id the request's id when it is a valid one, else JSON null
		 */
		record Invalid(JsonNode id) implements Request {

		}

	}

}
