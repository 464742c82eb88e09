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
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the OpenRPC 1.2.6 document that {@code rpc.discover} returns, from the contract
 * interface's methods.
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
		described.put("summary", sentence(method.name()));
		described.put("paramStructure", "either");
		ArrayNode params = described.putArray("params");
		for (ParamDescriptor param : method.params()) {
			ObjectNode described2 = params.addObject();
			described2.put("name", param.name());
			described2.put("required", !param.optional());
			described2.set("schema", schema(param.type(), mapper, new HashSet<>()));
		}
		ObjectNode result = described.putObject("result");
		result.put("name", "result");
		result.set("schema", schema(method.result(), mapper, new HashSet<>()));
		return described;
	}

	static ObjectNode schema(JavaType type, ObjectMapper mapper, Set<Class<?>> seen) {
		ObjectNode schema = mapper.createObjectNode();
		ParamKind kind = ParamKind.of(type);
		if (kind.schemaType() != null) {
			schema.put("type", kind.schemaType());
		}
		Class<?> raw = type.getRawClass();
		switch (kind) {
			case STRING -> describeString(schema, raw, mapper);
			case ARRAY -> schema.set("items", schema(type.getContentType(), mapper, seen));
			case OBJECT -> describeObject(schema, type, mapper, seen);
			default -> {
			}
		}
		return schema;
	}

	private static void describeString(ObjectNode schema, Class<?> raw, ObjectMapper mapper) {
		if (raw.isEnum()) {
			ArrayNode values = schema.putArray("enum");
			enumValues(raw, mapper).forEach(values::add);
		}
		else if (TemporalAccessor.class.isAssignableFrom(raw) || Date.class.isAssignableFrom(raw)) {
			schema.put("format", "date-time");
		}
	}

	private static void describeObject(ObjectNode schema, JavaType type, ObjectMapper mapper, Set<Class<?>> seen) {
		if (Map.class.isAssignableFrom(type.getRawClass())) {
			schema.set("additionalProperties", schema(type.getContentType(), mapper, seen));
			return;
		}
		if (!seen.add(type.getRawClass())) {
			return;
		}
		BeanDescription bean = mapper.getSerializationConfig().introspect(type);
		ObjectNode properties = schema.putObject("properties");
		for (BeanPropertyDefinition property : bean.findProperties()) {
			if (property.couldSerialize()) {
				properties.set(property.getName(), schema(property.getPrimaryType(), mapper, seen));
			}
		}
		seen.remove(type.getRawClass());
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
	 * Turns a name into a short sentence: {@code join_room} becomes "Join room".
	 * @param name a snake_case or CamelCase name
	 * @return the words, the first capitalized
	 */
	static String sentence(String name) {
		String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
