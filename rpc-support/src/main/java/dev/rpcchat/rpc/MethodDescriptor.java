package dev.rpcchat.rpc;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.googlecode.jsonrpc4j.JsonRpcMethod;
import com.googlecode.jsonrpc4j.JsonRpcParam;
import dev.rpcchat.api.JsonRpcOptional;

/**
 * One method of a contract interface as the wire sees it, read once at start-up by
 * reflection: its JSON-RPC name and its parameters in declaration order.
 *
 * @param name the wire name, from {@code @JsonRpcMethod}
 * @param method the Java method
 * @param params the parameters in declaration order
 * @param result the Java type of the result
 */
record MethodDescriptor(String name, Method method, List<ParamDescriptor> params, JavaType result) {

	MethodDescriptor {
		params = List.copyOf(params);
	}

	/**
	 * Reads every method of a contract interface.
	 * @param contract the interface
	 * @param mapper the wire mapper, which decides how types are read
	 * @return the methods by wire name, sorted by name
	 * @throws IllegalStateException when the contract cannot be served as it is
	 */
	static Map<String, MethodDescriptor> of(Class<?> contract, ObjectMapper mapper) {
		List<MethodDescriptor> methods = new ArrayList<>();
		for (Method method : contract.getMethods()) {
			if (!Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
				methods.add(of(method, mapper));
			}
		}
		methods.sort(Comparator.comparing(MethodDescriptor::name));
		Map<String, MethodDescriptor> byName = new LinkedHashMap<>();
		for (MethodDescriptor descriptor : methods) {
			if (descriptor.name().startsWith("rpc.")) {
				throw new IllegalStateException("Method names beginning with 'rpc.' are reserved: " + descriptor);
			}
			if (byName.putIfAbsent(descriptor.name(), descriptor) != null) {
				throw new IllegalStateException("Two methods of " + contract.getName() + " are named '"
						+ descriptor.name() + "'; JSON-RPC names must be unique");
			}
		}
		return byName;
	}

	private static MethodDescriptor of(Method method, ObjectMapper mapper) {
		JsonRpcMethod annotation = method.getAnnotation(JsonRpcMethod.class);
		String name = (annotation != null) ? annotation.value() : method.getName();
		List<ParamDescriptor> params = new ArrayList<>();
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < parameters.length; i++) {
			params
				.add(param(method, parameters[i], mapper.constructType(method.getGenericParameterTypes()[i]), mapper));
		}
		return new MethodDescriptor(name, method, params, mapper.constructType(method.getGenericReturnType()));
	}

	private static ParamDescriptor param(Method method, Parameter parameter, JavaType type, ObjectMapper mapper) {
		JsonRpcParam name = parameter.getAnnotation(JsonRpcParam.class);
		if (name == null) {
			throw new IllegalStateException("Every parameter needs @JsonRpcParam: " + method);
		}
		boolean optional = parameter.isAnnotationPresent(JsonRpcOptional.class);
		if (optional && parameter.getType().isPrimitive()) {
			throw new IllegalStateException(
					"An optional parameter needs a boxed type: '" + name.value() + "' of " + method);
		}
		return ParamDescriptor.of(name.value(), optional, type, mapper);
	}

	/**
	 * Checks the params of a call and puts them in declaration order, {@code null} where
	 * an optional one is absent.
	 * @param given the call's {@code params}: an array, an object, or {@code null} when
	 * absent
	 * @param nodes creates the result
	 * @return the params by position, one per parameter
	 * @throws InvalidParamsException when a param is unknown, missing, of the wrong type
	 * or holds text that is not Unicode (an unpaired surrogate, in any string at any
	 * depth)
	 */
	ArrayNode normalize(JsonNode given, JsonNodeFactory nodes) {
		JsonNode[] values = new JsonNode[this.params.size()];
		if (given != null && given.isArray()) {
			byPosition(given, values);
		}
		else if (given != null) {
			byName(given, values);
		}
		ArrayNode normalized = nodes.arrayNode(values.length);
		for (int i = 0; i < values.length; i++) {
			ParamDescriptor param = this.params.get(i);
			JsonNode value = values[i];
			if (value == null) {
				if (!param.optional()) {
					throw param.invalid("is required");
				}
				value = NullNode.getInstance();
			}
			if (Surrogates.unpairedIn(value)) {
				throw param.invalid("is not valid Unicode text: it has an unpaired UTF-16 surrogate");
			}
			param.check(value);
			normalized.add(value);
		}
		return normalized;
	}

	private void byPosition(JsonNode given, JsonNode[] values) {
		if (given.size() > values.length) {
			throw new InvalidParamsException("Invalid params: '" + this.name + "' takes " + describeCount(values.length)
					+ ", not " + given.size());
		}
		for (int i = 0; i < given.size(); i++) {
			values[i] = given.get(i);
		}
	}

	private void byName(JsonNode given, JsonNode[] values) {
		Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			int index = indexOf(field.getKey());
			if (index < 0 && Surrogates.unpairedIn(field.getKey())) {
				throw new InvalidParamsException("Invalid params: '" + this.name
						+ "' has no parameter of that name, which is not valid Unicode text");
			}
			if (index < 0) {
				throw new InvalidParamsException(
						"Invalid params: '" + this.name + "' has no parameter '" + field.getKey() + "'");
			}
			values[index] = field.getValue();
		}
	}

	private int indexOf(String paramName) {
		for (int i = 0; i < this.params.size(); i++) {
			if (this.params.get(i).name().equals(paramName)) {
				return i;
			}
		}
		return -1;
	}

	private static String describeCount(int count) {
		return switch (count) {
			case 0 -> "no parameters";
			case 1 -> "at most 1 parameter";
			default -> "at most " + count + " parameters";
		};
	}

}
