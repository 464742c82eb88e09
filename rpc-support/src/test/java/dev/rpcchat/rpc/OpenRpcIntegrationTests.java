package dev.rpcchat.rpc;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.JsonRpcErrors;
import dev.rpcchat.api.WireJson;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rpc.discover} is a valid OpenRPC 1.2.6 document, checked by a real validator
 * against the OpenRPC meta-schema, for the sample and for both real contracts; what real
 * calls return fits the result schemas it advertises; and it says what the contract says
 * of each method: its description, its errors, and which values may be null.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenRpcIntegrationTests {

	private final ObjectMapper mapper = WireJson.newObjectMapper();

	@LocalServerPort
	int port;

	RpcTestClient rpc;

	JsonNode document;

	@BeforeEach
	void discover() {
		this.rpc = RpcTestClient.to(this.port);
		this.document = this.rpc.answer("""
				{"jsonrpc": "2.0", "method": "rpc.discover", "id": 1}""").get("result");
	}

	@Test
	void servesADocumentTheOpenRpcMetaSchemaAccepts() {
		assertThat(OpenRpcSchemas.documentErrors(this.document)).isEmpty();
	}

	@Test
	void describesBothRealContractsWithValidDocuments() {
		for (Class<?> contract : new Class<?>[] { ChatService.class, BinderService.class }) {
			JsonNode document = document(contract);
			assertThat(OpenRpcSchemas.documentErrors(document)).as(contract.getSimpleName()).isEmpty();
			document.get("methods")
				.forEach((method) -> assertThat(method.has("description")).as(method.get("name").asText()).isTrue());
			assertThat(MethodDescriptor.of(contract, this.mapper).values()).as("every method names its errors")
				.allSatisfy((method) -> assertThat(method.method().isAnnotationPresent(JsonRpcErrors.class))
					.as(method.name())
					.isTrue());
		}
	}

	@Test
	void brokenDocumentsAreCaughtByTheValidator() {
		JsonNode broken = this.document.deepCopy();
		((ObjectNode) broken.get("methods").get(0)).remove("result");
		((ObjectNode) broken).put("openrpc", "9.9.9");
		assertThat(OpenRpcSchemas.documentErrors(broken)).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "subtract|[7, 2]", "sum|[1, 2]", "get_data|[]", "whoami|[]", "noop|[]", "typed|{}",
			"typed|{\"after_id\": 3, \"flag\": true, \"ratio\": 0.5, \"tags\": [\"a\"], \"type\": \"system\"}",
			"text|[3]", "caller|[]", "remember|[\"x\", {\"t\": [\"y\"]}]", "register_procedure|[\"a\", \"b\", 1]",
			"notify_hello|[1]" })
	void answersRealCallsWithResultsItsSchemasAdmit(String call) {
		String[] parts = call.split("\\|", 2);
		JsonNode answer = this.rpc.answer("""
				{"jsonrpc": "2.0", "method": "%s", "params": %s, "id": 1}""".formatted(parts[0], parts[1]));
		assertThat(answer.has("result")).as(answer.toString()).isTrue();
		assertThat(
				OpenRpcSchemas.valueErrors(OpenRpcSchemas.resultSchema(this.document, parts[0]), answer.get("result")))
			.as(call)
			.isEmpty();
	}

	@Test
	void refusesWhatItsSchemasDoNotAdmit() {
		JsonNode whoami = OpenRpcSchemas.resultSchema(this.document, "whoami");
		assertThat(OpenRpcSchemas.valueErrors(whoami, RpcTestClient.json("null"))).isEmpty();
		assertThat(OpenRpcSchemas.valueErrors(whoami, RpcTestClient.json("42"))).isNotEmpty();
		assertThat(OpenRpcSchemas.valueErrors(OpenRpcSchemas.resultSchema(this.document, "subtract"),
				RpcTestClient.json("null")))
			.isNotEmpty();
	}

	@Test
	void saysWhatTheContractSaysOfAMethod() {
		JsonNode findRoom = OpenRpcSchemas.method(this.document, "find_room");
		assertThat(findRoom.get("summary").asText()).isEqualTo("Finds a room.");
		assertThat(findRoom.get("description").asText())
			.isEqualTo("Finds a room. There never is one: it answers 1004.");
		assertThat(findRoom.get("errors")).isEqualTo(RpcTestClient.json("""
				[{"code": 1002, "message": "Invalid name", "data": {"reason": "INVALID_NAME"}},
				 {"code": 1004, "message": "Room not found", "data": {"reason": "ROOM_NOT_FOUND"}}]"""));
		JsonNode noop = OpenRpcSchemas.method(this.document, "noop");
		assertThat(noop.get("summary").asText()).isEqualTo("Noop");
		assertThat(noop.has("errors")).isFalse();
	}

	@Test
	void admitsNullWhereTheChatContractSaysAValueMayBeNull() {
		JsonNode chat = document(ChatService.class);
		JsonNode message = OpenRpcSchemas.resultSchema(chat, "send_message");
		assertThat(message.at("/properties/recipient/type")).isEqualTo(RpcTestClient.json("""
				["string", "null"]"""));
		assertThat(message.at("/properties/sender/type")).isEqualTo(RpcTestClient.json("""
				["string", "null"]"""));
		assertThat(message.at("/properties/content/type").asText()).isEqualTo("string");
		assertThat(message.at("/properties/timestamp")).isEqualTo(RpcTestClient.json("""
				{"type": "string", "format": "date-time"}"""));
		assertThat(message.get("required")).hasSize(7);
		JsonNode system = RpcTestClient.json("""
				{"id": 3, "room_name": "geral", "type": "system", "sender": null, "recipient": null,
				 "content": "bia joined", "timestamp": "2026-11-22T04:20:21.818Z"}""");
		assertThat(OpenRpcSchemas.valueErrors(OpenRpcSchemas.resultSchema(chat, "receive_messages"),
				this.mapper.createArrayNode().add(system)))
			.isEmpty();
		assertThat(OpenRpcSchemas.method(chat, "join_room").get("errors").findValuesAsText("reason"))
			.containsExactly("UNAUTHORIZED", "INVALID_NAME", "ROOM_NOT_FOUND");
		JsonNode binder = document(BinderService.class);
		JsonNode entries = OpenRpcSchemas.resultSchema(binder, "list_procedures");
		assertThat(OpenRpcSchemas.valueErrors(entries, RpcTestClient.json("""
				[{"procedure_name": "join_room", "address": "127.0.0.1", "port": 7000, "scheme": "http",
				  "expires_at": null}]"""))).isEmpty();
		assertThat(OpenRpcSchemas.valueErrors(entries, RpcTestClient.json("""
				[{"procedure_name": null, "address": "127.0.0.1", "port": 7000, "scheme": "http",
				  "expires_at": null}]"""))).isNotEmpty();
	}

	private JsonNode document(Class<?> contract) {
		Map<String, MethodDescriptor> methods = MethodDescriptor.of(contract, this.mapper);
		return RpcDiscovery.document(contract, methods.values(), this.mapper);
	}

}
