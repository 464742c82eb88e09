package dev.rpcchat.rpc;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rpcchat.api.WireJson;
import dev.rpcchat.rpc.ContractServer.Outcome;
import dev.rpcchat.test.ExpectedLogs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What jsonrpc4j answers is read by type: the service's own errors pass, jsonrpc4j's own
 * never reach a client in its wording.
 */
class ContractServerTests {

	private final ObjectMapper mapper = WireJson.newObjectMapper();

	private final Map<String, MethodDescriptor> methods = MethodDescriptor.of(SampleService.class, this.mapper);

	private final ContractServer server = new ContractServer(this.mapper,
			new RpcService(SampleService.class, new SampleApplication.SampleServiceImplementation()));

	@Test
	void returnsTheMethodsValueAsItIs() {
		Outcome outcome = this.server.invoke(this.methods.get("get_data"), this.mapper.createArrayNode());
		assertThat(outcome).isInstanceOf(Outcome.Returned.class);
		assertThat(((Outcome.Returned) outcome).value()).isEqualTo(java.util.List.of("hello", 5));
	}

	@Test
	void passesTheServicesOwnErrorsWithTheirSentenceAndData() {
		ArrayNode params = this.mapper.createArrayNode().add("geral");
		assertThat(this.server.invoke(this.methods.get("find_room"), params)).isEqualTo(new Outcome.Failed(1004,
				"There is no room named geral.", Map.of("reason", "ROOM_NOT_FOUND", "room_name", "geral")));
		ArrayNode wait = this.mapper.createArrayNode().add(31);
		assertThat(this.server.invoke(this.methods.get("wait_for"), wait))
			.isEqualTo(new Outcome.Failed(-32602, "wait_seconds must be between 0 and 30.", null));
	}

	@Test
	void answersAnErrorOfJsonrpc4jsOwnWithTheBareProtocolError() {
		try (ExpectedLogs logs = ExpectedLogs.of(ContractServer.class)) {
			ArrayNode unchecked = this.mapper.createArrayNode().add("not a number").add(1);
			assertThat(this.server.invoke(this.methods.get("subtract"), unchecked))
				.isEqualTo(new Outcome.Failed(-32602, "Invalid params", null));
			assertThat(logs.text()).contains("jsonrpc4j refused a call of subtract");
		}
	}

}
