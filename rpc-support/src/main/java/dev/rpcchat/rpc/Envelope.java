package dev.rpcchat.rpc;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.googlecode.jsonrpc4j.ErrorResolver.JsonError;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC 2.0 envelope, exactly as the specification has it: parses a body, answers
 * batches and single requests, never answers notifications, checks every request and its
 * params before jsonrpc4j sees it, and times each call.
 */
final class Envelope {

	private static final Logger logger = LoggerFactory.getLogger(Envelope.class);

	private static final String VERSION = "2.0";

	private static final IntNode INTERNAL_ID = IntNode.valueOf(1);

	private final ObjectMapper mapper;

	private final ObjectReader reader;

	private final JsonNodeFactory nodes;

	private final Map<String, MethodDescriptor> methods;

	private final ContractServer server;

	private final JsonNode discovery;

	private final RpcMetrics metrics;

	Envelope(ObjectMapper mapper, RpcService service, MeterRegistry meterRegistry) {
		this.mapper = mapper;
		// big decimals keep every numeric id exactly as it came, whatever its size
		this.reader = mapper.readerFor(JsonNode.class)
			.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		this.nodes = mapper.getNodeFactory();
		this.methods = MethodDescriptor.of(service.contract(), mapper);
		this.server = new ContractServer(mapper, service);
		this.discovery = RpcDiscovery.document(service.contract(), this.methods.values(), mapper);
		Set<String> known = new HashSet<>(this.methods.keySet());
		known.add(RpcDiscovery.METHOD);
		this.metrics = new RpcMetrics(meterRegistry, known);
	}

	/**
	 * Answers a body.
	 * @param body the HTTP request body
	 * @param caller the caller of the request's calls
	 * @return the answer, or {@code null} when there is nothing to answer
	 */
	byte[] answer(byte[] body, RpcCaller.Context caller) {
		long start = this.metrics.start();
		JsonNode root = parse(body);
		if (root == null) {
			this.metrics.record(start, null, RpcErrors.PARSE_ERROR);
			return write(error(NullNode.getInstance(), RpcErrors.PARSE_ERROR));
		}
		JsonNode answer = root.isArray() ? batch((ArrayNode) root, caller, start) : single(root, caller, start);
		return (answer != null) ? write(answer) : null;
	}

	/**
	 * Answers a request too large to read.
	 * @return the -32600 error with a null id
	 */
	byte[] tooLarge() {
		this.metrics.record(this.metrics.start(), null, RpcErrors.INVALID_REQUEST);
		return write(error(NullNode.getInstance(), RpcErrors.INVALID_REQUEST));
	}

	/**
	 * Answers a request whose handling failed unexpectedly.
	 * @return the -32603 error with a null id
	 */
	byte[] internalError() {
		return write(error(NullNode.getInstance(), RpcErrors.INTERNAL_ERROR));
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode root = this.reader.readTree(body);
			return (root == null || root.isMissingNode()) ? null : root;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private JsonNode batch(ArrayNode requests, RpcCaller.Context caller, long start) {
		if (requests.isEmpty()) {
			this.metrics.record(start, null, RpcErrors.INVALID_REQUEST);
			return error(NullNode.getInstance(), RpcErrors.INVALID_REQUEST);
		}
		ArrayNode answers = this.nodes.arrayNode(requests.size());
		boolean first = true;
		for (JsonNode request : requests) {
			JsonNode answer = single(request, caller, first ? start : this.metrics.start());
			first = false;
			if (answer != null) {
				answers.add(answer);
			}
		}
		return answers.isEmpty() ? null : answers;
	}

	private JsonNode single(JsonNode request, RpcCaller.Context caller, long start) {
		if (!request.isObject()) {
			this.metrics.record(start, null, RpcErrors.INVALID_REQUEST);
			return error(NullNode.getInstance(), RpcErrors.INVALID_REQUEST);
		}
		JsonNode id = request.get("id");
		boolean validId = id == null || id.isTextual() || id.isNumber() || id.isNull();
		JsonNode echoedId = (id != null && validId) ? id : NullNode.getInstance();
		JsonNode method = request.get("method");
		JsonNode params = request.get("params");
		if (!validId || !isVersion(request.get("jsonrpc")) || method == null || !method.isTextual()
				|| (params != null && !params.isContainerNode())) {
			this.metrics.record(start, null, RpcErrors.INVALID_REQUEST);
			return error(echoedId, RpcErrors.INVALID_REQUEST);
		}
		JsonNode answer = call(method.textValue(), params, echoedId, caller, start);
		return (id != null) ? answer : null;
	}

	private static boolean isVersion(JsonNode version) {
		return version != null && version.isTextual() && VERSION.equals(version.textValue());
	}

	private JsonNode call(String name, JsonNode params, JsonNode id, RpcCaller.Context caller, long start) {
		JsonNode answer;
		if (RpcDiscovery.METHOD.equals(name)) {
			answer = discover(params, id);
		}
		else {
			MethodDescriptor method = this.methods.get(name);
			answer = (method != null) ? invoke(method, params, id, caller) : error(id, RpcErrors.METHOD_NOT_FOUND);
		}
		JsonNode error = answer.get("error");
		this.metrics.record(start, name, (error != null) ? error.path("code").asInt(RpcErrors.INTERNAL_ERROR) : 0);
		return answer;
	}

	private JsonNode discover(JsonNode params, JsonNode id) {
		if (params != null && !params.isEmpty()) {
			return error(id, RpcErrors.INVALID_PARAMS,
					"Invalid params: '" + RpcDiscovery.METHOD + "' takes no parameters", null);
		}
		return result(id, this.discovery);
	}

	private JsonNode invoke(MethodDescriptor method, JsonNode params, JsonNode id, RpcCaller.Context caller) {
		ArrayNode normalized;
		try {
			normalized = method.normalize(params, this.nodes);
		}
		catch (InvalidParamsException ex) {
			return error(id, RpcErrors.INVALID_PARAMS, ex.getMessage(), null);
		}
		ObjectNode request = this.nodes.objectNode();
		request.put("jsonrpc", VERSION);
		request.set("id", INTERNAL_ID);
		request.put("method", method.name());
		request.set("params", normalized);
		JsonNode[] response = new JsonNode[1];
		RpcCaller.runWith(caller, () -> response[0] = dispatch(request));
		return reply(id, response[0]);
	}

	private JsonNode dispatch(ObjectNode request) {
		try {
			return this.server.invoke(request);
		}
		catch (IOException | RuntimeException ex) {
			logger.error("jsonrpc4j could not dispatch {}", request.get("method"), ex);
			return null;
		}
	}

	private JsonNode reply(JsonNode id, JsonNode response) {
		if (response == null) {
			return error(id, RpcErrors.INTERNAL_ERROR);
		}
		JsonNode error = response.get("error");
		if (error == null || error.isNull()) {
			JsonNode result = serialized(response.get("result"));
			return (result != null) ? result(id, result) : error(id, RpcErrors.INTERNAL_ERROR);
		}
		return sanitized(id, error);
	}

	/**
	 * Serializes a method's return value (or an error's data), which
	 * {@link ContractServer} leaves as it is, once: a call whose value cannot be written
	 * is answered with -32603 on its own, with its id.
	 * @return the value as a raw JSON node, or {@code null} when it cannot be written
	 */
	private JsonNode serialized(JsonNode value) {
		if (value == null) {
			return NullNode.getInstance();
		}
		if (!(value instanceof POJONode pojo)) {
			return value;
		}
		try {
			return this.nodes.rawValueNode(new RawValue(this.mapper.writeValueAsString(pojo.getPojo())));
		}
		catch (JacksonException ex) {
			logger.error("The result of a JSON-RPC method could not be written", ex);
			return null;
		}
	}

	private JsonNode sanitized(JsonNode id, JsonNode error) {
		JsonNode codeNode = error.get("code");
		if (codeNode == null || !codeNode.canConvertToInt()) {
			return error(id, RpcErrors.INTERNAL_ERROR);
		}
		int code = codeNode.intValue();
		JsonNode message = error.get("message");
		JsonNode data = error.get("data");
		if (message != null && message.isTextual() && (!RpcErrors.isProtocolCode(code) || ours(code, message))) {
			if (data == null || data.isNull()) {
				return error(id, code, message.textValue(), null);
			}
			JsonNode writtenData = serialized(data);
			return (writtenData != null) ? error(id, code, message.textValue(), writtenData)
					: error(id, RpcErrors.INTERNAL_ERROR);
		}
		return error(id, (code == RpcErrors.INVALID_PARAMS) ? code : RpcErrors.INTERNAL_ERROR);
	}

	// jsonrpc4j's own -32602 messages name indexes and framework words: only an
	// InvalidParamsException's sentence goes out
	private static boolean ours(int code, JsonNode message) {
		return code == RpcErrors.INVALID_PARAMS && !message.textValue().startsWith("Failed to read method parameter")
				&& !message.textValue().equals(JsonError.METHOD_PARAMS_INVALID.message);
	}

	private ObjectNode result(JsonNode id, JsonNode result) {
		ObjectNode answer = this.nodes.objectNode();
		answer.put("jsonrpc", VERSION);
		answer.set("result", result);
		answer.set("id", id);
		return answer;
	}

	private ObjectNode error(JsonNode id, int code) {
		return error(id, code, RpcErrors.message(code), null);
	}

	private ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
		ObjectNode answer = this.nodes.objectNode();
		answer.put("jsonrpc", VERSION);
		ObjectNode error = answer.putObject("error");
		error.put("code", code);
		error.put("message", message);
		if (data != null) {
			error.set("data", data);
		}
		answer.set("id", id);
		return answer;
	}

	private byte[] write(JsonNode answer) {
		try {
			return this.mapper.writeValueAsBytes(answer);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("A JSON tree could not be written", ex);
		}
	}

}
