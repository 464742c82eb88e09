package dev.rpcchat.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChatServersTests {

	private static final URI DEAD = URI.create("http://127.0.0.1:1001/rpc");

	private static final URI ALIVE = URI.create("http://127.0.0.1:1002/rpc");

	private final Deque<Integer> binderAnswers = new ArrayDeque<>();

	private int lookups;

	private final ChatServers servers = new ChatServers(URI.create("http://127.0.0.1:5000/rpc"), null,
			(endpoint) -> new RpcClient(new HttpTransport() {

				@Override
				public Response post(byte[] body, String bearerToken) {
					ChatServersTests.this.lookups++;
					int port = ChatServersTests.this.binderAnswers.removeFirst();
					String answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"procedure_name\":\"send_message\","
							+ "\"address\":\"127.0.0.1\",\"port\":" + port + "}}";
					return new Response(200, answer.getBytes(StandardCharsets.UTF_8));
				}

				@Override
				public void close() {
				}

			}));

	@Test
	void asksTheBinderPastTheDeadServerWhileItsLeaseStillListsIt() throws RpcCallException {
		this.binderAnswers.addAll(List.of(1001, 1001, 1002));
		assertThat(this.servers.relocate("send_message", DEAD)).isEqualTo(ALIVE);
		assertThat(this.lookups).isEqualTo(3);
	}

	@Test
	void movesLaterUsersOfTheDeadServerWhereTheFirstWentWithoutAskingAgain() throws RpcCallException {
		this.binderAnswers.addAll(List.of(1002));
		assertThat(this.servers.relocate("send_message", DEAD)).isEqualTo(ALIVE);
		assertThat(this.servers.relocate("receive_messages", DEAD)).isEqualTo(ALIVE);
		assertThat(this.lookups).isEqualTo(1);
	}

	@Test
	void failsAsATransportFailureWhenTheBinderNamesNoOtherServer() {
		for (int i = 0; i < 8; i++) {
			this.binderAnswers.add(1001);
		}
		assertThatExceptionOfType(RpcCallException.class).isThrownBy(() -> this.servers.relocate("send_message", DEAD))
			.satisfies((ex) -> assertThat(ex.transportFailed()).isTrue());
	}

	@Test
	void countsEachMoveByRouteAndTheCallsThatFailedAgain() {
		this.servers.moved(DEAD, ALIVE);
		this.servers.moved(DEAD, ALIVE);
		this.servers.failedAgain();
		ChatServers.Failovers failovers = this.servers.failovers();
		assertThat(failovers.calls()).isEqualTo(2);
		assertThat(failovers.moves()).containsEntry(DEAD + " -> " + ALIVE, 2L);
		assertThat(failovers.failedAgain()).isEqualTo(1);
	}

}
