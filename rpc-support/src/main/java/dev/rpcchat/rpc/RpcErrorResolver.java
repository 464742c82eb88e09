package dev.rpcchat.rpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.jsonrpc4j.ErrorResolver;
import dev.rpcchat.api.ChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a service throws into a JSON-RPC error: a {@link ChatException} into its
 * code, sentence and {@code data.reason}, an {@link InvalidParamsException} into -32602,
 * and anything else into a bare -32603 that is logged here and never described on the
 * wire. Each error carries itself as a {@link Resolved} in jsonrpc4j's {@code data}, so
 * that it can be told from one jsonrpc4j made.
 */
final class RpcErrorResolver implements ErrorResolver {

	private static final Logger logger = LoggerFactory.getLogger(RpcErrorResolver.class);

	// jsonrpc4j copies the code and message, and keeps the data as it is: the error the
	// client gets is the Resolved one, which jsonrpc4j's own errors never carry
	@Override
	public JsonError resolveError(Throwable thrown, Method method, List<JsonNode> arguments) {
		Resolved resolved = resolve(thrown, method);
		return new JsonError(resolved.code(), resolved.message(), resolved);
	}

	/**
	 * Turns what a method threw, or what its later answer failed with, into its error.
	 * @param thrown the exception
	 * @param method the Java method, or {@code null}
	 * @return the error
	 */
	Resolved resolve(Throwable thrown, Method method) {
		Throwable cause = unwrap(thrown);
		if (cause instanceof ChatException chat) {
			return new Resolved(chat.errorCode().code(), chat.getMessage(), data(chat));
		}
		if (cause instanceof InvalidParamsException invalid) {
			return new Resolved(RpcErrors.INVALID_PARAMS, invalid.getMessage(), null);
		}
		logger.error("Unexpected failure of JSON-RPC method {}", (method != null) ? method.getName() : "?", cause);
		return new Resolved(RpcErrors.INTERNAL_ERROR, RpcErrors.message(RpcErrors.INTERNAL_ERROR), null);
	}

	private static Map<String, Object> data(ChatException chat) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("reason", chat.errorCode().reason());
		chat.details().forEach(data::putIfAbsent);
		return data;
	}

	private static Throwable unwrap(Throwable thrown) {
		Throwable current = thrown;
		while ((current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException
				|| current instanceof CompletionException) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * An error made here, which {@link ContractServer} tells from jsonrpc4j's own by its
	 * type.
	 *
	 * @param code the JSON-RPC error code
	 * @param message the one sentence for the client
	 * @param data the error's {@code data}, or {@code null}
	 */
	record Resolved(int code, String message, Object data) {

	}

}
