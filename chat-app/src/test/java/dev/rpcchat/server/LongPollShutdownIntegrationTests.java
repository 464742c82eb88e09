package dev.rpcchat.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.rpcchat.server.message.MessageWaiters;
import dev.rpcchat.test.RpcTestClient;

import static dev.rpcchat.server.ChatServerIntegrationTestSupport.unique;
import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A graceful shutdown answers the waiting long polls at once (an empty page) instead of
 * waiting for their time to be up.
 */
class LongPollShutdownIntegrationTests {

	@Test
	void aGracefulShutdownAnswersTheWaitingLongPollsAtOnce() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatServerApplication.class)
			.properties("server.port=0", "chat.binder.url=http://127.0.0.1:9/rpc", "chat.registration.ttl=1h",
					"chat.limits.registrations-per-minute=0", "chat.limits.rooms-per-minute=0")
			.run();
		MessageWaiters waiters = context.getBean(MessageWaiters.class);
		RpcTestClient rpc = RpcTestClient.to(context.getEnvironment().getProperty("local.server.port", int.class));
		String ana = unique("ana");
		String room = unique("poll");
		String token = rpc.register(ana);
		rpc.result(token, "create_room", params("room_name", room));
		rpc.result(token, "join_room", params("username", ana, "room_name", room));
		rpc.result(token, "receive_messages", params("username", ana, "room_name", room));
		CompletableFuture<JsonNode> poll = rpc.callAsync(token, "receive_messages",
				params("username", ana, "room_name", room, "wait_seconds", 30));
		await().atMost(Duration.ofSeconds(20)).until(() -> waiters.waiting() == 1);
		long start = System.nanoTime();
		context.close();
		JsonNode answer = poll.join();
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(answer.get("result")).as("%s", answer).isEmpty();
		assertThat(elapsedMillis).as("answered on shutdown, not after its 30 s").isLessThan(20_000L);
	}

}
