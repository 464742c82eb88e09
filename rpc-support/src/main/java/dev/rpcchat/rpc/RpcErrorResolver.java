package dev.rpcchat.rpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.jsonrpc4j.ErrorResolver;
import dev.rpcchat.api.ChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a service throws into a JSON-RPC error: a {@link ChatException} into its
 * code, sentence and {@code data.reason}, an {@link InvalidParamsException} into -32602,
 * and anything else into a bare -32603 that is logged here and never described on the
 * wire.
 */
final class RpcErrorResolver implements ErrorResolver {

	private static final Logger logger = LoggerFactory.getLogger(RpcErrorResolver.class);

	@Override
	public JsonError resolveError(Throwable thrown, Method method, List<JsonNode> arguments) {
		Throwable cause = unwrap(thrown);
		if (cause instanceof ChatException chat) {
			return new JsonError(chat.errorCode().code(), chat.getMessage(), data(chat));
		}
		if (cause instanceof InvalidParamsException invalid) {
			return new JsonError(RpcErrors.INVALID_PARAMS, invalid.getMessage(), null);
		}
		logger.error("Unexpected failure of JSON-RPC method {}", (method != null) ? method.getName() : "?", cause);
		return new JsonError(RpcErrors.INTERNAL_ERROR, RpcErrors.message(RpcErrors.INTERNAL_ERROR), null);
	}

	private static Map<String, Object> data(ChatException chat) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("reason", chat.errorCode().reason());
		chat.details().forEach(data::putIfAbsent);
		return data;
	}

	private static Throwable unwrap(Throwable thrown) {
		Throwable current = thrown;
		while ((current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
