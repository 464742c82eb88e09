package dev.rpcchat.shell.connection;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.jsonrpc4j.JsonRpcMethod;
import com.googlecode.jsonrpc4j.JsonRpcParam;
import dev.rpcchat.api.Idempotent;
import dev.rpcchat.api.JsonRpcOptional;

/**
 * Implements a contract interface by turning each method call into an {@link RpcCall},
 * with the wire names and the retry safety ({@link Idempotent}) read from the contract's
 * annotations.
 */
final class RpcProxy {

	private RpcProxy() {
	}

	static <T> T create(Class<T> contract, ObjectMapper mapper, Function<RpcCall, Object> invoker) {
		Object proxy = Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] { contract },
				(instance, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return objectMethod(contract, instance, method, args);
					}
					return invoker.apply(call(mapper, method, args));
				});
		return contract.cast(proxy);
	}

	private static RpcCall call(ObjectMapper mapper, Method method, Object[] args) {
		JsonRpcMethod rpcMethod = method.getAnnotation(JsonRpcMethod.class);
		Parameter[] parameters = method.getParameters();
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < parameters.length; i++) {
			boolean optional = parameters[i].isAnnotationPresent(JsonRpcOptional.class);
			if (args[i] != null || !optional) {
				params.put(parameters[i].getAnnotation(JsonRpcParam.class).value(), args[i]);
			}
		}
		Idempotent idempotent = method.getAnnotation(Idempotent.class);
		boolean safeToRepeat = idempotent != null
				&& (idempotent.whenGiven().isEmpty() || params.get(idempotent.whenGiven()) != null);
		return new RpcCall(rpcMethod.value(), params,
				mapper.getTypeFactory().constructType(method.getGenericReturnType()), safeToRepeat);
	}

	private static Object objectMethod(Class<?> contract, Object instance, Method method, Object[] args) {
		return switch (method.getName()) {
			case "equals" -> instance == args[0];
			case "hashCode" -> System.identityHashCode(instance);
			default -> "JSON-RPC client of " + contract.getSimpleName();
		};
	}

}
