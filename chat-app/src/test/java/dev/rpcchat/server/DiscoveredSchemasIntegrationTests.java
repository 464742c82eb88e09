package dev.rpcchat.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What real calls of the chat server return fits the result schemas its
 * {@code rpc.discover} advertises, null members included: a broadcast's
 * {@code recipient}, a system message's {@code sender}.
 */
class DiscoveredSchemasIntegrationTests extends ChatServerIntegrationTestSupport {

	private static final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	@Test
	void answersEveryMethodWithAResultItsAdvertisedSchemaAdmits() {
		JsonNode document = this.rpc.result(null, "rpc.discover", null);
		String ana = unique("ana");
		String bia = unique("bia");
		String room = unique("geral");
		List<String> problems = new ArrayList<>();
		JsonNode registered = this.rpc.result(null, "register_user", params("username", ana));
		check(document, "register_user", registered, problems);
		String token = registered.get("token").asText();
		String biaToken = this.rpc.register(bia);
		check(document, "heartbeat", this.rpc.result(token, "heartbeat", params("username", ana)), problems);
		check(document, "create_room", this.rpc.result(token, "create_room", params("room_name", room)), problems);
		check(document, "join_room", join(token, ana, room), problems);
		join(biaToken, bia, room);
		JsonNode broadcast = send(token, ana, room, "oi");
		assertThat(broadcast.get("recipient").isNull()).isTrue();
		check(document, "send_message", broadcast, problems);
		check(document, "send_message", sendTo(token, ana, room, bia, "psst"), problems);
		JsonNode received = receive(token, ana, room);
		assertThat(received.findValues("sender")).anySatisfy((sender) -> assertThat(sender.isNull()).isTrue());
		check(document, "receive_messages", received, problems);
		check(document, "join_room", join(biaToken, bia, room), problems);
		check(document, "list_rooms", this.rpc.result(null, "list_rooms", null), problems);
		check(document, "list_users", this.rpc.result(null, "list_users", params("room_name", room)), problems);
		check(document, "leave_room", this.rpc.result(token, "leave_room", params("username", ana, "room_name", room)),
				problems);
		check(document, "unregister_user", this.rpc.result(token, "unregister_user", params("username", ana)),
				problems);
		assertThat(problems).isEmpty();
	}

	@Test
	void namesTheErrorsARealCallAnswersWith() {
		JsonNode document = this.rpc.result(null, "rpc.discover", null);
		String token = this.rpc.register(unique("ana"));
		JsonNode error = this.rpc.error(null, "list_users", params("room_name", unique("nada")));
		assertThat(errorCodes(document, "list_users")).contains(error.get("code").asInt());
		JsonNode unauthorized = this.rpc.error(token, "join_room",
				params("username", unique("other"), "room_name", unique("nada")));
		assertThat(errorCodes(document, "join_room")).contains(unauthorized.get("code").asInt());
	}

	private static void check(JsonNode document, String method, JsonNode result, List<String> problems) {
		JsonNode schema = method(document, method).at("/result/schema");
		schemas.getSchema(schema)
			.validate(result)
			.forEach((error) -> problems.add(method + ": " + error + " in " + result));
	}

	private static List<Integer> errorCodes(JsonNode document, String method) {
		List<Integer> codes = new ArrayList<>();
		method(document, method).path("errors").forEach((error) -> codes.add(error.get("code").asInt()));
		return codes;
	}

	private static JsonNode method(JsonNode document, String name) {
		for (JsonNode method : document.get("methods")) {
			if (method.get("name").asText().equals(name)) {
				return method;
			}
		}
		throw new AssertionError("rpc.discover has no method " + name);
	}

}
