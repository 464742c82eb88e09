package dev.rpcchat.rpc;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.googlecode.jsonrpc4j.JsonRpcMethod;
import com.googlecode.jsonrpc4j.JsonRpcParam;
import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.JsonRpcOptional;
import dev.rpcchat.api.WireJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reading a contract interface once at start-up, and checking params against it.
 */
class MethodDescriptorTests {

	private final ObjectMapper mapper = WireJson.newObjectMapper();

	@Test
	void readsEveryMethodOfTheRealContractsByWireName() {
		assertThat(MethodDescriptor.of(BinderService.class, this.mapper)).containsOnlyKeys("register_procedure",
				"unregister_procedure", "lookup_procedure", "list_procedures");
		Map<String, MethodDescriptor> chat = MethodDescriptor.of(ChatService.class, this.mapper);
		assertThat(chat).hasSize(13);
		assertThat(chat.get("send_message").params()).extracting(ParamDescriptor::name, ParamDescriptor::optional)
			.containsExactly(tuple("username", false), tuple("room_name", false), tuple("message", false),
					tuple("recipient", true), tuple("client_msg_id", true));
	}

	@Test
	void putsNamedParamsInDeclarationOrderWithNullForAbsentOptionalOnes() throws Exception {
		MethodDescriptor receive = MethodDescriptor.of(ChatService.class, this.mapper).get("receive_messages");
		ArrayNode normalized = receive.normalize(this.mapper.readTree("""
				{"after_id": 7, "room_name": "geral", "username": "ana"}"""), this.mapper.getNodeFactory());
		assertThat(normalized).isEqualTo(this.mapper.readTree("""
				["ana", "geral", null, 7]"""));
	}

	@Test
	void treatsAbsentParamsAsNone() {
		MethodDescriptor list = MethodDescriptor.of(ChatService.class, this.mapper).get("list_rooms");
		assertThat(list.normalize(null, this.mapper.getNodeFactory())).isEmpty();
		MethodDescriptor join = MethodDescriptor.of(ChatService.class, this.mapper).get("join_room");
		assertThatExceptionOfType(InvalidParamsException.class)
			.isThrownBy(() -> join.normalize(null, this.mapper.getNodeFactory()))
			.withMessage("Invalid params: 'username' is required");
	}

	@Test
	void refusesParameterWithoutName() {
		assertThatIllegalStateException().isThrownBy(() -> MethodDescriptor.of(Unnamed.class, this.mapper))
			.withMessageContaining("@JsonRpcParam");
	}

	@Test
	void refusesTwoMethodsWithOneWireName() {
		assertThatIllegalStateException().isThrownBy(() -> MethodDescriptor.of(Twice.class, this.mapper))
			.withMessageContaining("'same'");
	}

	@Test
	void refusesOptionalPrimitive() {
		assertThatIllegalStateException().isThrownBy(() -> MethodDescriptor.of(OptionalPrimitive.class, this.mapper))
			.withMessageContaining("boxed");
	}

	@Test
	void refusesReservedName() {
		assertThatIllegalStateException().isThrownBy(() -> MethodDescriptor.of(Reserved.class, this.mapper))
			.withMessageContaining("reserved");
	}

	interface Unnamed {

		void call(String name);

	}

	interface Twice {

		@JsonRpcMethod("same")
		void one();

		@JsonRpcMethod("same")
		void two(@JsonRpcParam("a") int a);

	}

	interface OptionalPrimitive {

		@JsonRpcMethod("call")
		void call(@JsonRpcParam("count") @JsonRpcOptional int count);

	}

	interface Reserved {

		@JsonRpcMethod("rpc.mine")
		void call();

	}

}
