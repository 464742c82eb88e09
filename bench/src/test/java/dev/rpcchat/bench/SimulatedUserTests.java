package dev.rpcchat.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated user whose server dies: what it sends again, and where, over stub HTTP.
 */
class SimulatedUserTests {

	private static final URI BINDER = URI.create("http://127.0.0.1:5000/rpc");

	private static final URI DEAD = URI.create("http://127.0.0.1:1001/rpc");

	private static final URI ALIVE = URI.create("http://127.0.0.1:1002/rpc");

	private final List<JsonNode> toDead = new ArrayList<>();

	private final List<JsonNode> toAlive = new ArrayList<>();

	private final ChatServers servers = new ChatServers(BINDER, null, (endpoint) -> new RpcClient(new HttpTransport() {

		@Override
		public Response post(byte[] body, String bearerToken) throws IOException {
			return answer(endpoint, RpcClient.mapper.readTree(body));
		}

		@Override
		public void close() {
		}

	}));

	private boolean deadIsAlive = true;

	@Test
	void sendsAgainWithTheSameClientMsgIdAtTheServerTheBinderNamesNext() throws RpcCallException {
		SimulatedUser user = new SimulatedUser("ana", DEAD, this.servers);
		user.sendMessage("geral", "one");
		this.deadIsAlive = false;
		assertThat(user.sendMessage("geral", "two")).isEqualTo(7);
		assertThat(user.endpoint()).isEqualTo(ALIVE);
		String resent = this.toAlive.get(0).path("params").path("client_msg_id").asText();
		assertThat(resent).isEqualTo(this.toDead.get(1).path("params").path("client_msg_id").asText())
			.isNotEqualTo(this.toDead.get(0).path("params").path("client_msg_id").asText());
		assertThat(this.servers.failovers().moves()).containsEntry(DEAD + " -> " + ALIVE, 1L);
	}

	@Test
	void readsAgainFromTheLastMessageItReadAfterItsServerDies() throws RpcCallException {
		SimulatedUser user = new SimulatedUser("ana", DEAD, this.servers);
		user.receiveMessages("geral", 2);
		this.deadIsAlive = false;
		user.receiveMessages("geral", 2);
		assertThat(this.toDead.get(1).path("params").has("after_id")).isFalse();
		assertThat(this.toAlive.get(0).path("params").path("after_id").asLong()).isEqualTo(41);
	}

	private HttpTransport.Response answer(URI endpoint, JsonNode request) throws IOException {
		String method = request.path("method").asText();
		if (endpoint.equals(BINDER)) {
			return json("{\"procedure_name\":\"" + request.path("params").path("procedure_name").asText()
					+ "\",\"address\":\"127.0.0.1\",\"port\":1002}");
		}
		if (endpoint.equals(DEAD)) {
			this.toDead.add(request);
			if (!this.deadIsAlive) {
				throw new IOException("connection reset");
			}
		}
		else {
			this.toAlive.add(request);
		}
		return method.equals("send_message") ? json("{\"id\":7}") : json("[{\"id\":40},{\"id\":41}]");
	}

	private static HttpTransport.Response json(String result) {
		String answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}";
		return new HttpTransport.Response(200, answer.getBytes(StandardCharsets.UTF_8));
	}

}
