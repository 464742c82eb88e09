package dev.rpcchat.rpc;

import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.JsonRpcDescription;
import dev.rpcchat.api.JsonRpcErrors;
import dev.rpcchat.api.JsonRpcNullable;

/**
 * Writes the OpenRPC 1.2.6 document that {@code rpc.discover} returns, from the contract
 * interface: each method's summary and description ({@link JsonRpcDescription}), params,
 * result and application errors ({@link JsonRpcErrors}); a schema admits {@code null}
 * where the contract says a value may be null (an optional param, a
 * {@link JsonRpcNullable} record component or result).
 */
final class RpcDiscovery {

	static final String METHOD = "rpc.discover";

	private static final String VERSION = "1.0.0";

	private RpcDiscovery() {
	}

	/**
	 * Describes a contract.
	 * @param contract the interface
	 * @param methods its methods
	 * @param mapper the wire mapper, which decides the property names of results
	 * @return the OpenRPC document
	 */
	static ObjectNode document(Class<?> contract, Collection<MethodDescriptor> methods, ObjectMapper mapper) {
		ObjectNode document = mapper.createObjectNode();
		document.put("openrpc", "1.2.6");
		ObjectNode info = document.putObject("info");
		info.put("title", contract.getSimpleName());
		info.put("description", sentence(contract.getSimpleName()));
		String version = contract.getPackage().getImplementationVersion();
		info.put("version", (version != null) ? version : VERSION);
		ArrayNode described = document.putArray("methods");
		for (MethodDescriptor method : methods) {
			described.add(method(method, mapper));
		}
		return document;
	}

	private static ObjectNode method(MethodDescriptor method, ObjectMapper mapper) {
		ObjectNode described = mapper.createObjectNode();
		described.put("name", method.name());
		JsonRpcDescription description = method.method().getAnnotation(JsonRpcDescription.class);
		described.put("summary", (description != null) ? firstSentence(description.value()) : sentence(method.name()));
		if (description != null) {
			described.put("description", description.value());
		}
		described.put("paramStructure", "either");
		ArrayNode params = described.putArray("params");
		for (ParamDescriptor param : method.params()) {
			ObjectNode describedParam = params.addObject();
			describedParam.put("name", param.name());
			describedParam.put("required", !param.optional());
			describedParam.set("schema", schema(param.type(), param.optional(), mapper, new HashSet<>()));
		}
		ObjectNode result = described.putObject("result");
		result.put("name", "result");
		result.set("schema", schema(method.result(), method.method().isAnnotationPresent(JsonRpcNullable.class), mapper,
				new HashSet<>()));
		JsonRpcErrors errors = method.method().getAnnotation(JsonRpcErrors.class);
		if (errors != null && errors.value().length > 0) {
			ArrayNode describedErrors = described.putArray("errors");
			for (ErrorCode error : errors.value()) {
				ObjectNode describedError = describedErrors.addObject();
				describedError.put("code", error.code());
				describedError.put("message", sentence(error.reason()));
				describedError.putObject("data").put("reason", error.reason());
			}
		}
		return described;
	}

	/**
	 * The JSON schema of the values of a type.
	 * @param type a Java type
	 * @param nullable whether {@code null} is a value too
	 * @param mapper the wire mapper, which decides property and enum names
	 * @param seen the types being described, which a nested one does not describe again
	 * @return the schema
	 */
	static ObjectNode schema(JavaType type, boolean nullable, ObjectMapper mapper, Set<Class<?>> seen) {
		ObjectNode schema = mapper.createObjectNode();
		ParamKind kind = ParamKind.of(type);
		if (kind.schemaType() != null) {
			if (nullable && kind != ParamKind.NULL) {
				schema.putArray("type").add(kind.schemaType()).add("null");
			}
			else {
				schema.put("type", kind.schemaType());
			}
		}
		Class<?> raw = type.getRawClass();
		switch (kind) {
			case STRING -> describeString(schema, raw, nullable, mapper);
			case ARRAY -> schema.set("items", schema(type.getContentType(), false, mapper, seen));
			case OBJECT -> describeObject(schema, type, mapper, seen);
			default -> {
			}
		}
		return schema;
	}

	private static void describeString(ObjectNode schema, Class<?> raw, boolean nullable, ObjectMapper mapper) {
		if (raw.isEnum()) {
			ArrayNode values = schema.putArray("enum");
			enumValues(raw, mapper).forEach(values::add);
			if (nullable) {
				values.addNull();
			}
		}
		else if (TemporalAccessor.class.isAssignableFrom(raw) || Date.class.isAssignableFrom(raw)) {
			schema.put("format", "date-time");
		}
	}

	private static void describeObject(ObjectNode schema, JavaType type, ObjectMapper mapper, Set<Class<?>> seen) {
		if (Map.class.isAssignableFrom(type.getRawClass())) {
			schema.set("additionalProperties", schema(type.getContentType(), false, mapper, seen));
			return;
		}
		if (!seen.add(type.getRawClass())) {
			return;
		}
		BeanDescription bean = mapper.getSerializationConfig().introspect(type);
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = mapper.createArrayNode();
		for (BeanPropertyDefinition property : bean.findProperties()) {
			if (property.couldSerialize()) {
				properties.set(property.getName(),
						schema(property.getPrimaryType(), isNullable(property), mapper, seen));
				// every property is written, null or not
				required.add(property.getName());
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		seen.remove(type.getRawClass());
	}

	private static boolean isNullable(BeanPropertyDefinition property) {
		AnnotatedMember accessor = property.getAccessor();
		return accessor != null && accessor.hasAnnotation(JsonRpcNullable.class);
	}

	/**
	 * The wire names of an enum's constants, as the wire mapper writes them.
	 * @param type an enum type
	 * @param mapper the wire mapper
	 * @return the names in declaration order
	 */
	static List<String> enumValues(Class<?> type, ObjectMapper mapper) {
		return Arrays.stream(type.getEnumConstants())
			.map((constant) -> mapper.convertValue(constant, String.class))
			.toList();
	}

	/**
	 * The first sentence of a text, for a summary.
	 * @param text one or more sentences
	 * @return the text up to the first full stop followed by a space, or all of it
	 */
	static String firstSentence(String text) {
		int end = text.indexOf(". ");
		return (end >= 0) ? text.substring(0, end + 1) : text;
	}

	/**
	 * Turns a name into a short sentence: {@code join_room} becomes "Join room".
	 * @param name a snake_case or CamelCase name
	 * @return the words, the first capitalized
	 */
	static String sentence(String name) {
		String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
