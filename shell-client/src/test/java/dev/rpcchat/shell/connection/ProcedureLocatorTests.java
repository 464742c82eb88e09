package dev.rpcchat.shell.connection;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.WireJson;
import dev.rpcchat.shell.TestSystem;
import dev.rpcchat.shell.connection.ServiceUnreachableException.Service;
import dev.rpcchat.test.FreePort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProcedureLocatorTests {

	private final JsonRpcClient client = new JsonRpcClient(WireJson.newObjectMapper(), Duration.ofSeconds(5));

	@Test
	void asksTheBinderOnceAndKeepsTheAnswer() {
		BinderService binder = binder(TestSystem.binderUrl());
		int port = FreePort.find();
		binder.registerProcedure("locator_test", "127.0.0.1", BigInteger.valueOf(port), null, null);
		ProcedureLocator locator = ProcedureLocator.forBinder(TestSystem.binderUrl(), this.client);
		assertThat(locator.locate("locator_test")).hasToString("http://127.0.0.1:" + port + "/rpc");
		binder.unregisterProcedure("locator_test", "127.0.0.1", BigInteger.valueOf(port));
		URI cached = locator.locate("locator_test");
		assertThat(cached).hasToString("http://127.0.0.1:" + port + "/rpc");
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> locator.relocate("locator_test", cached))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.PROCEDURE_NOT_FOUND));
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> locator.locate("locator_test"));
	}

	@Test
	void asksTheBinderAgainWhenTheServerItNamedDoesNotAnswer() {
		BinderService binder = binder(TestSystem.binderUrl());
		int deadPort = FreePort.find();
		URI dead = URI.create("http://127.0.0.1:" + deadPort + "/rpc");
		binder.registerProcedure("list_rooms", "127.0.0.1", BigInteger.valueOf(deadPort), null, null);
		try {
			// Round-robin over the live chat server and the dead one: connect until the
			// dead one is the answer.
			ChatConnection connection = ChatConnection.connect(TestSystem.binderUrl(), Duration.ofSeconds(5));
			for (int turn = 0; turn < 4 && !connection.locator().locate("list_rooms").equals(dead); turn++) {
				connection = ChatConnection.connect(TestSystem.binderUrl(), Duration.ofSeconds(5));
			}
			assertThat(connection.locator().locate("list_rooms")).isEqualTo(dead);
			assertThat(connection.chat().listRooms()).isNotNull();
			assertThat(connection.locator().locate("list_rooms")).isNotEqualTo(dead);
		}
		finally {
			binder.unregisterProcedure("list_rooms", "127.0.0.1", BigInteger.valueOf(deadPort));
		}
	}

	@Test
	void callsEveryProcedureOnTheFirstServerFoundWhileItProvidesThem() {
		BinderService binder = binder(TestSystem.binderUrl());
		int first = FreePort.find();
		int second = FreePort.find();
		for (int i = 0; i < 6; i++) {
			binder.registerProcedure("pin_" + i, "127.0.0.1", BigInteger.valueOf(first), null, null);
			binder.registerProcedure("pin_" + i, "127.0.0.1", BigInteger.valueOf(second), null, null);
			// Moves each name's round-robin to a different provider.
			for (int turn = 0; turn < i; turn++) {
				binder.lookupProcedure("pin_" + i);
			}
		}
		ProcedureLocator locator = ProcedureLocator.forBinder(TestSystem.binderUrl(), this.client);
		URI server = locator.locate("pin_0");
		for (int i = 1; i < 6; i++) {
			assertThat(locator.locate("pin_" + i)).isEqualTo(server);
		}
		for (int i = 0; i < 6; i++) {
			binder.unregisterProcedure("pin_" + i, "127.0.0.1", BigInteger.valueOf(first));
			binder.unregisterProcedure("pin_" + i, "127.0.0.1", BigInteger.valueOf(second));
		}
	}

	@Test
	void keepsToTheFirstServerFoundWhenItIsOnHttps() {
		BinderService binder = binder(TestSystem.binderUrl());
		int first = FreePort.find();
		int second = FreePort.find();
		for (int i = 0; i < 6; i++) {
			binder.registerProcedure("tls_pin_" + i, "127.0.0.1", BigInteger.valueOf(first), null, "https");
			binder.registerProcedure("tls_pin_" + i, "127.0.0.1", BigInteger.valueOf(second), null, "https");
			for (int turn = 0; turn < i; turn++) {
				binder.lookupProcedure("tls_pin_" + i);
			}
		}
		ProcedureLocator locator = ProcedureLocator.forBinder(TestSystem.binderUrl(), this.client);
		URI server = locator.locate("tls_pin_0");
		assertThat(server.getScheme()).isEqualTo("https");
		for (int i = 1; i < 6; i++) {
			assertThat(locator.locate("tls_pin_" + i)).isEqualTo(server);
		}
		for (int i = 0; i < 6; i++) {
			binder.unregisterProcedure("tls_pin_" + i, "127.0.0.1", BigInteger.valueOf(first));
			binder.unregisterProcedure("tls_pin_" + i, "127.0.0.1", BigInteger.valueOf(second));
		}
	}

	@Test
	void saysTheBinderIsUnreachableWhenNothingListens() {
		URI nowhere = URI.create("http://127.0.0.1:" + FreePort.find() + "/rpc");
		ProcedureLocator locator = ProcedureLocator.forBinder(nowhere, this.client);
		assertThatExceptionOfType(ServiceUnreachableException.class).isThrownBy(() -> locator.locate("join_room"))
			.satisfies((ex) -> {
				assertThat(ex.service()).isEqualTo(Service.BINDER);
				assertThat(ex.url()).isEqualTo(nowhere);
				assertThat(ex.connectFailed()).isTrue();
			});
	}

	private BinderService binder(URI url) {
		return RpcProxy.create(BinderService.class, this.client.mapper(),
				(call) -> this.client.call(Service.BINDER, url, call, Optional.empty()));
	}

}
