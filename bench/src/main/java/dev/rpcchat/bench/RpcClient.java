package dev.rpcchat.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.rpcchat.api.WireJson;

/**
 * JSON-RPC 2.0 calls with named parameters over one {@link HttpTransport}; not shared
 * between threads.
 */
final class RpcClient implements AutoCloseable {

	static final ObjectMapper mapper = WireJson.newObjectMapper();

	private final HttpTransport transport;

	private long nextId = 1;

	RpcClient(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Calls a method and returns its result.
	 * @param method the wire name
	 * @param params the named parameters
	 * @param token the bearer token, or {@code null}
	 * @return the result
	 * @throws RpcCallException when there is no result
	 */
	JsonNode call(String method, Map<String, ?> params, String token) throws RpcCallException {
		return call(method, params, token, true);
	}

	/**
	 * Calls a method, skipping over its result without reading it into a tree.
	 * @param method the wire name
	 * @param params the named parameters
	 * @param token the bearer token, or {@code null}
	 * @throws RpcCallException when there is no result
	 */
	void invoke(String method, Map<String, ?> params, String token) throws RpcCallException {
		call(method, params, token, false);
	}

	/**
	 * Sends one batch of calls of a method and returns how many of them failed.
	 * @param method the wire name
	 * @param paramsList one entry per call
	 * @param token the bearer token, or {@code null}
	 * @return the errors in the batch's answers, by code
	 * @throws RpcCallException when the batch as a whole fails
	 */
	List<RpcCallException> batch(String method, List<? extends Map<String, ?>> paramsList, String token)
			throws RpcCallException {
		List<Map<String, Object>> requests = new ArrayList<>(paramsList.size());
		for (Map<String, ?> params : paramsList) {
			requests.add(request(method, params));
		}
		JsonNode answers = readTree(post(write(requests), token));
		List<RpcCallException> errors = new ArrayList<>();
		if (!answers.isArray()) {
			errors.add(error(answers.path("error")));
			return errors;
		}
		for (JsonNode answer : answers) {
			if (answer.has("error")) {
				errors.add(error(answer.get("error")));
			}
		}
		return errors;
	}

	/**
	 * Calls a method, reading its result or skipping over it.
	 * @param method the wire name
	 * @param params the named parameters
	 * @param token the bearer token, or {@code null}
	 * @param readResult whether to read the result into a tree
	 * @return the result, a null node when skipped
	 * @throws RpcCallException when there is no result
	 */
	JsonNode call(String method, Map<String, ?> params, String token, boolean readResult) throws RpcCallException {
		byte[] answer = post(write(request(method, params)), token);
		try (JsonParser parser = mapper.createParser(answer)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new RpcCallException("bad-response", "the answer is not a JSON object");
			}
			JsonNode result = null;
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				parser.nextToken();
				if (field.equals("result")) {
					result = readResult ? parser.readValueAsTree() : skip(parser);
				}
				else if (field.equals("error")) {
					throw error(parser.readValueAsTree());
				}
				else {
					parser.skipChildren();
				}
			}
			if (result == null) {
				throw new RpcCallException("bad-response", "the answer has neither result nor error");
			}
			return result;
		}
		catch (IOException ex) {
			throw new RpcCallException("bad-response", "the answer is not JSON: " + ex.getMessage());
		}
	}

	private static JsonNode skip(JsonParser parser) throws IOException {
		parser.skipChildren();
		return NullNode.getInstance();
	}

	private Map<String, Object> request(String method, Map<String, ?> params) {
		Map<String, Object> request = new LinkedHashMap<>(6);
		request.put("jsonrpc", "2.0");
		request.put("method", method);
		request.put("params", params);
		request.put("id", this.nextId++);
		return request;
	}

	private byte[] post(byte[] body, String token) throws RpcCallException {
		HttpTransport.Response response;
		try {
			response = this.transport.post(body, token);
		}
		catch (IOException ex) {
			throw new RpcCallException("io", ex.getMessage());
		}
		if (response.status() != 200) {
			throw new RpcCallException("http-" + response.status(), "HTTP status " + response.status());
		}
		return response.body();
	}

	private static byte[] write(Object value) throws RpcCallException {
		try {
			return mapper.writeValueAsBytes(value);
		}
		catch (IOException ex) {
			throw new RpcCallException("encode", ex.getMessage());
		}
	}

	private static JsonNode readTree(byte[] body) throws RpcCallException {
		try {
			return mapper.readTree(body);
		}
		catch (IOException ex) {
			throw new RpcCallException("bad-response", "the answer is not JSON: " + ex.getMessage());
		}
	}

	private static RpcCallException error(JsonNode error) {
		JsonNode code = error.path("code");
		String key = code.isIntegralNumber() ? code.asText() : "bad-error";
		return new RpcCallException(key, error.path("message").asText(""),
				error.path("data").path("retry_after_ms").asLong(0));
	}

	@Override
	public void close() {
		this.transport.close();
	}

}
