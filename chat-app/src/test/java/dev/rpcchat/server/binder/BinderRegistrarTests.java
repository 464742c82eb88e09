package dev.rpcchat.server.binder;

import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ChatService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinderRegistrarTests {

	@Test
	void readsEveryProcedureNameFromTheContractAnnotations() {
		assertThat(BinderRegistrar.procedureNames(ChatService.class)).containsExactly("authenticate", "create_room",
				"heartbeat", "join_room", "leave_room", "list_rooms", "list_users", "receive_messages", "register_user",
				"send_message", "subscribe", "unregister_user", "unsubscribe");
	}

	@Test
	void readsNamesOfAnyContract() {
		assertThat(BinderRegistrar.procedureNames(BinderService.class)).containsExactly("list_procedures",
				"lookup_procedure", "register_procedure", "unregister_procedure");
	}

}
