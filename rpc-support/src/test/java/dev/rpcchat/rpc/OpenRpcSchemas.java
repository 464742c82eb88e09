package dev.rpcchat.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;

/**
 * Validates with a real JSON Schema validator: an {@code rpc.discover} document against
 * the OpenRPC 1.2.6 meta-schema (vendored in {@code openrpc/}), and a value against a
 * schema the document advertises.
 */
public final class OpenRpcSchemas {

	private static final String JSON_SCHEMA_TOOLS = "https://meta.json-schema.tools/";

	// The meta-schema's dialect is json-schema.tools' draft 7, known here so that nothing
	// is
	// fetched from the network.
	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialects(
			List.of(Dialects.getDraft7(), Dialect.builder(JSON_SCHEMA_TOOLS, Dialects.getDraft7()).build()),
			(builder) -> builder.defaultDialectId(Dialects.getDraft7().getId()));

	private static final Schema META_SCHEMA = REGISTRY.getSchema(metaSchema());

	private OpenRpcSchemas() {
	}

	/**
	 * Validates an OpenRPC document.
	 * @param document the document
	 * @return what is wrong with it; empty when it is valid
	 */
	public static List<String> documentErrors(JsonNode document) {
		return messages(META_SCHEMA.validate(document));
	}

	/**
	 * Validates a value against a schema of an OpenRPC document.
	 * @param schema the schema, such as a method's {@code result.schema}
	 * @param value the value
	 * @return what is wrong with it; empty when it is valid
	 */
	public static List<String> valueErrors(JsonNode schema, JsonNode value) {
		return messages(REGISTRY.getSchema(schema).validate(value));
	}

	/**
	 * The schema a document advertises for a method's result.
	 * @param document an OpenRPC document
	 * @param method the method's name
	 * @return the schema
	 */
	public static JsonNode resultSchema(JsonNode document, String method) {
		return method(document, method).at("/result/schema");
	}

	/**
	 * A method of a document.
	 * @param document an OpenRPC document
	 * @param name the method's name
	 * @return its method object
	 */
	public static JsonNode method(JsonNode document, String name) {
		for (JsonNode method : document.get("methods")) {
			if (method.get("name").asText().equals(name)) {
				return method;
			}
		}
		throw new AssertionError("No method " + name);
	}

	private static List<String> messages(List<Error> errors) {
		return errors.stream().map(Error::toString).toList();
	}

	/**
	 * The vendored meta-schema, as its package bundles it but for one thing: the bundle
	 * inlines json-schema.tools' meta-schema as {@code definitions/JSONSchema} under that
	 * meta-schema's own {@code $id}, where its {@code #/definitions/...} references
	 * (meant for the bundle's definitions) would not resolve; its {@code $id} and
	 * {@code $schema} are left out so that they do.
	 */
	private static JsonNode metaSchema() {
		ObjectNode schema = (ObjectNode) read("/openrpc/meta-schema-1.2.6.json");
		ObjectNode inlined = (ObjectNode) schema.at("/definitions/JSONSchema");
		inlined.remove(List.of("$id", "$schema"));
		return schema;
	}

	private static JsonNode read(String resource) {
		try (InputStream in = OpenRpcSchemas.class.getResourceAsStream(resource)) {
			return new ObjectMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
