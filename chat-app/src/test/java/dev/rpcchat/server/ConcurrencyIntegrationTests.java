package dev.rpcchat.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConcurrencyIntegrationTests extends ChatServerIntegrationTestSupport {

	@Test
	void ofSixtyFourSimultaneousRegistrationsOfOneNameExactlyOneWins() throws Exception {
		String name = unique("popular");
		List<JsonNode> responses = simultaneously(64, (i) -> this.rpc.call(null, "register_user",
				params("username", (i % 2 == 0) ? name : name.toUpperCase())));
		assertThat(responses).filteredOn((response) -> response.has("result")).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.has("error"))
			.allSatisfy((response) -> assertThat(response.get("error").get("code").asInt()).isEqualTo(1001))
			.hasSize(63);
	}

	@Test
	void ofSimultaneousCreationsOfOneRoomExactlyOneWins() throws Exception {
		String token = this.rpc.register(unique("creator"));
		String room = unique("contested");
		List<JsonNode> responses = simultaneously(32,
				(i) -> this.rpc.call(token, "create_room", params("room_name", room)));
		assertThat(responses).filteredOn((response) -> response.has("result")).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.has("error"))
			.allSatisfy((response) -> assertThat(response.get("error").get("code").asInt()).isEqualTo(1003));
	}

	@Test
	void manySendersIntoOneRoomDeliverEveryMessageOnceInIdOrderToEveryMember() throws Exception {
		String room = unique("busy");
		int senders = 8;
		int perSender = 25;
		String[] names = new String[senders];
		String[] tokens = new String[senders];
		for (int i = 0; i < senders; i++) {
			names[i] = unique("s" + i);
			tokens[i] = this.rpc.register(names[i]);
		}
		createRoom(tokens[0], room);
		for (int i = 0; i < senders; i++) {
			join(tokens[i], names[i], room);
		}
		for (int i = 0; i < senders; i++) {
			receive(tokens[i], names[i], room);
		}
		simultaneously(senders, (i) -> {
			for (int n = 0; n < perSender; n++) {
				send(tokens[i], names[i], room, names[i] + "#" + n);
			}
			return null;
		});
		Set<String> expected = new HashSet<>();
		for (int i = 0; i < senders; i++) {
			for (int n = 0; n < perSender; n++) {
				expected.add(names[i] + "#" + n);
			}
		}
		for (int i = 0; i < senders; i++) {
			// A call returns at most 100 messages; the next one the rest.
			List<Long> ids = new ArrayList<>();
			List<String> contents = new ArrayList<>();
			JsonNode messages = receive(tokens[i], names[i], room);
			while (!messages.isEmpty()) {
				messages.forEach((message) -> ids.add(message.get("id").asLong()));
				contents.addAll(contents(messages));
				messages = receive(tokens[i], names[i], room);
			}
			assertThat(ids).isSorted().doesNotHaveDuplicates();
			assertThat(contents).hasSize(senders * perSender).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	@Test
	void joiningAnotherRoomNeverWaitsForALongPollInTheFirst() {
		String ana = unique("ana");
		String token = this.rpc.register(ana);
		String quiet = unique("quiet");
		String other = unique("other");
		createRoom(token, quiet);
		createRoom(token, other);
		join(token, ana, quiet);
		CompletableFuture<JsonNode> poll = this.rpc.callAsync(token, "receive_messages",
				params("username", ana, "room_name", quiet, "wait_seconds", 30));
		JsonNode joined = join(token, ana, other);
		assertThat(texts(joined.get("users"))).containsExactly(ana);
		send(token, ana, other, "elsewhere");
		assertThat(poll).isNotDone();
		send(token, ana, quiet, "wake up");
		await().untilAsserted(() -> assertThat(poll).isDone());
		assertThat(contents(poll.join().get("result"))).containsExactly("wake up");
	}

	private static <T> List<T> simultaneously(int count, IntFunction<T> task) throws Exception {
		List<CompletableFuture<T>> futures = new ArrayList<>();
		CompletableFuture<Void> start = new CompletableFuture<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(start.thenApplyAsync((ignored) -> task.apply(index), executor));
			}
			start.complete(null);
			List<T> results = new ArrayList<>();
			for (CompletableFuture<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
	}

}
