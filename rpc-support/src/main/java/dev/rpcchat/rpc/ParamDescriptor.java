package dev.rpcchat.rpc;

import java.io.IOException;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * One parameter of a contract method, as the wire sees it: its name, whether it may be
 * left out, and the JSON type it must have.
 *
 * @param name the wire name, from {@code @JsonRpcParam}
 * @param optional whether it may be absent or {@code null}
 * @param type the Java type it is read into
 * @param kind the JSON type it must have
 * @param reader reads non-scalar values, to check them before the call
 * @param expected what a value must be, in words: "an integer", "an array of strings"
 */
record ParamDescriptor(String name, boolean optional, JavaType type, ParamKind kind, ObjectReader reader,
		String expected) {

	/**
	 * Describes a parameter of a contract method.
	 * @param name the wire name
	 * @param optional whether it may be absent or {@code null}
	 * @param type its Java type
	 * @param mapper the wire mapper
	 * @return the descriptor
	 */
	static ParamDescriptor of(String name, boolean optional, JavaType type, ObjectMapper mapper) {
		return new ParamDescriptor(name, optional, type, ParamKind.of(type), mapper.readerFor(type),
				describe(type, mapper));
	}

	/**
	 * Checks a value given for this parameter.
	 * @param value the value, never {@code null} (JSON null is a {@code NullNode})
	 * @throws InvalidParamsException when the value does not fit the parameter
	 */
	void check(JsonNode value) {
		if (value.isNull()) {
			if (!this.optional) {
				throw invalid("must not be null");
			}
			return;
		}
		switch (this.kind) {
			case STRING -> checkString(value);
			case INTEGER -> checkInteger(value);
			case NUMBER -> checkNumber(value);
			case BOOLEAN -> require(value.isBoolean());
			case ARRAY -> checkStructured(value, value.isArray());
			case OBJECT -> checkStructured(value, value.isObject());
			case NULL, ANY -> {
			}
		}
	}

	private void checkString(JsonNode value) {
		require(value.isTextual());
		Class<?> raw = this.type.getRawClass();
		if (raw != String.class && raw != CharSequence.class) {
			checkReadable(value);
		}
	}

	private void checkInteger(JsonNode value) {
		require(value.isIntegralNumber());
		Class<?> raw = this.type.getRawClass();
		if (raw == BigInteger.class) {
			return;
		}
		long min = min(raw);
		long max = max(raw);
		if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
			throw invalid("is out of range");
		}
	}

	private void checkNumber(JsonNode value) {
		require(value.isNumber());
		Class<?> raw = this.type.getRawClass();
		boolean isDouble = raw == double.class || raw == Double.class;
		boolean isFloat = raw == float.class || raw == Float.class;
		// 1e400 is a number, but as a double it is infinite
		if ((isDouble && !Double.isFinite(value.doubleValue())) || (isFloat && !Float.isFinite(value.floatValue()))) {
			throw invalid("is out of range");
		}
	}

	private void checkStructured(JsonNode value, boolean rightShape) {
		require(rightShape);
		checkReadable(value);
	}

	private void checkReadable(JsonNode value) {
		try {
			this.reader.readValue(value);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw invalid("must be " + this.expected);
		}
	}

	private void require(boolean rightType) {
		if (!rightType) {
			throw invalid("must be " + this.expected);
		}
	}

	/**
	 * Names what a value of a type looks like on the wire, for an error sentence.
	 * @param type a Java type
	 * @param mapper the wire mapper, which names enum constants
	 * @return such as "an integer", "an array of strings" or "one of a, b"
	 */
	static String describe(JavaType type, ObjectMapper mapper) {
		ParamKind kind = ParamKind.of(type);
		Class<?> raw = type.getRawClass();
		if (raw.isEnum()) {
			return "one of " + String.join(", ", RpcDiscovery.enumValues(raw, mapper));
		}
		if (kind == ParamKind.STRING && (TemporalAccessor.class.isAssignableFrom(raw))) {
			return "an ISO-8601 timestamp string";
		}
		if (kind == ParamKind.ARRAY && type.getContentType() != null) {
			ParamKind items = ParamKind.of(type.getContentType());
			return (items == ParamKind.ANY) ? "an array" : "an array of " + items.plural();
		}
		return kind.description();
	}

	InvalidParamsException invalid(String problem) {
		return new InvalidParamsException("Invalid params: '" + this.name + "' " + problem);
	}

	private static long min(Class<?> raw) {
		if (raw == int.class || raw == Integer.class) {
			return Integer.MIN_VALUE;
		}
		if (raw == short.class || raw == Short.class) {
			return Short.MIN_VALUE;
		}
		return (raw == byte.class || raw == Byte.class) ? Byte.MIN_VALUE : Long.MIN_VALUE;
	}

	private static long max(Class<?> raw) {
		if (raw == int.class || raw == Integer.class) {
			return Integer.MAX_VALUE;
		}
		if (raw == short.class || raw == Short.class) {
			return Short.MAX_VALUE;
		}
		return (raw == byte.class || raw == Byte.class) ? Byte.MAX_VALUE : Long.MAX_VALUE;
	}

}
