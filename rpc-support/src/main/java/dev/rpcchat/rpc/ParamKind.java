package dev.rpcchat.rpc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JavaType;

/**
 * The JSON type a parameter or result of a Java type takes on the wire.
 */
enum ParamKind {

	STRING("string", "a string", "strings"),

	INTEGER("integer", "an integer", "integers"),

	NUMBER("number", "a number", "numbers"),

	BOOLEAN("boolean", "a boolean", "booleans"),

	ARRAY("array", "an array", "arrays"),

	OBJECT("object", "an object", "objects"),

	NULL("null", "null", "nulls"),

	ANY(null, "any JSON value", "values");

	private final String schemaType;

	private final String description;

	private final String plural;

	ParamKind(String schemaType, String description, String plural) {
		this.schemaType = schemaType;
		this.description = description;
		this.plural = plural;
	}

	/**
	 * How a sentence names several values of this kind.
	 * @return such as "integers"
	 */
	String plural() {
		return this.plural;
	}

	/**
	 * The JSON schema {@code type}.
	 * @return the type, or {@code null} for any value
	 */
	String schemaType() {
		return this.schemaType;
	}

	/**
	 * How a sentence names a value of this kind.
	 * @return such as "an integer"
	 */
	String description() {
		return this.description;
	}

	static ParamKind of(JavaType type) {
		Class<?> raw = type.getRawClass();
		if (raw == void.class || raw == Void.class) {
			return NULL;
		}
		if (raw == Object.class) {
			return ANY;
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return BOOLEAN;
		}
		if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
				|| raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
			return INTEGER;
		}
		if (raw.isPrimitive() && raw != char.class || Number.class.isAssignableFrom(raw) || raw == BigDecimal.class) {
			return NUMBER;
		}
		if (CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class || raw == UUID.class
				|| raw.isEnum() || TemporalAccessor.class.isAssignableFrom(raw) || Date.class.isAssignableFrom(raw)) {
			return STRING;
		}
		if (type.isArrayType() || Collection.class.isAssignableFrom(raw)) {
			return ARRAY;
		}
		if (Map.class.isAssignableFrom(raw)) {
			return OBJECT;
		}
		return OBJECT;
	}

}
