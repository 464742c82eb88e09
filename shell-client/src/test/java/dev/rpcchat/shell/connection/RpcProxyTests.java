package dev.rpcchat.shell.connection;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.WireJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RpcProxyTests {

	private final AtomicReference<RpcCall> made = new AtomicReference<>();

	private final ChatService chat = RpcProxy.create(ChatService.class, WireJson.newObjectMapper(), (call) -> {
		this.made.set(call);
		return (call.resultType().getRawClass() == boolean.class) ? Boolean.TRUE : null;
	});

	@Test
	void namesTheMethodAndItsParametersAsTheContractDoesLeavingOutAbsentOptionalOnes() {
		this.chat.sendMessage("ana", "geral", "oi", null, "m-1");
		assertThat(this.made.get().method()).isEqualTo("send_message");
		assertThat(this.made.get().params()).containsExactly(Map.entry("username", "ana"),
				Map.entry("room_name", "geral"), Map.entry("message", "oi"), Map.entry("client_msg_id", "m-1"));
	}

	@Test
	void readsWhetherACallIsSafeToRepeatFromTheContract() {
		this.chat.joinRoom("ana", "geral");
		assertThat(this.made.get().safeToRepeat()).isTrue();
		this.chat.listRooms();
		assertThat(this.made.get().safeToRepeat()).isTrue();
		this.chat.createRoom("geral");
		assertThat(this.made.get().safeToRepeat()).isFalse();
		this.chat.leaveRoom("ana", "geral");
		assertThat(this.made.get().safeToRepeat()).isFalse();
		this.chat.registerUser("ana");
		assertThat(this.made.get().safeToRepeat()).isFalse();
	}

	@Test
	void takesASendOrAReadAsSafeToRepeatOnlyWithTheParameterThatMakesItSo() {
		this.chat.sendMessage("ana", "geral", "oi", null, "m-1");
		assertThat(this.made.get().safeToRepeat()).isTrue();
		this.chat.sendMessage("ana", "geral", "oi", null, null);
		assertThat(this.made.get().safeToRepeat()).isFalse();
		this.chat.receiveMessages("ana", "geral", 25, 7L);
		assertThat(this.made.get().safeToRepeat()).isTrue();
		this.chat.receiveMessages("ana", "geral", 25, null);
		assertThat(this.made.get().safeToRepeat()).isFalse();
	}

}
