package dev.rpcchat.server.store.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.FreePort;
import dev.rpcchat.test.RpcTestClient;
import dev.rpcchat.test.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.rpcchat.server.ChatServerApplication;
import dev.rpcchat.server.message.MessageWaiters;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chat-app on Redis that starts while Redis is down: it comes up, reports Redis down,
 * answers calls with an internal error, and works once Redis is there, without a restart.
 */
class RedisUnavailableIntegrationTests {

	@Test
	void startsWithoutRedisAnswersInternalErrorsWhileItIsDownAndWorksOnceItIsUp() throws Exception {
		int redisPort = FreePort.find();
		try (ConfigurableApplicationContext instance = startInstance(redisPort)) {
			int port = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			RpcTestClient client = RpcTestClient.to(port);
			HealthIndicator redisHealth = instance.getBean("redisHealthContributor", HealthIndicator.class);
			assertThat(redisHealth.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(client.errorCode(null, "register_user", params("username", "ana"))).isEqualTo(1011);
			assertThat(client.errorCode(null, "list_rooms", null)).isEqualTo(1011);
			try (TestRedis redis = TestRedis.startOn(redisPort)) {
				await().atMost(Duration.ofSeconds(30)).until(() -> redisHealth.health().getStatus().equals(Status.UP));
				String ana = client.register("ana");
				String bob = client.register("bob");
				client.result(ana, "create_room", params("room_name", "sala"));
				client.result(ana, "join_room", params("username", "ana", "room_name", "sala"));
				client.result(bob, "join_room", params("username", "bob", "room_name", "sala"));
				client.result(bob, "receive_messages", params("username", "bob", "room_name", "sala"));
				// A long poll on this instance wakes through the subscription, which
				// started late.
				await().atMost(Duration.ofSeconds(30))
					.until(() -> instance.getBean("chatAppendedListenerContainer", RedisMessageListenerContainer.class)
						.isListening());
				MessageWaiters waiters = instance.getBean(MessageWaiters.class);
				CompletableFuture<JsonNode> poll = client.callAsync(bob, "receive_messages",
						params("username", "bob", "room_name", "sala", "wait_seconds", 30));
				await().atMost(Duration.ofSeconds(20)).until(() -> waiters.waiting() > 0);
				client.result(ana, "send_message", params("username", "ana", "room_name", "sala", "message", "oi"));
				JsonNode messages = poll.get().get("result");
				assertThat(messages).hasSize(1);
				assertThat(messages.get(0).get("content").asText()).isEqualTo("oi");
				// Redis going away again: calls fail, rather than wait for it.
				redis.close();
				assertThat(client.errorCode(ana, "send_message",
						params("username", "ana", "room_name", "sala", "message", "oi?")))
					.isEqualTo(1011);
				assertThat(redisHealth.health().getStatus()).isEqualTo(Status.DOWN);
			}
		}
	}

	private static ConfigurableApplicationContext startInstance(int redisPort) {
		return new SpringApplicationBuilder(ChatServerApplication.class).run("--server.port=0", "--chat.store=redis",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
				"--chat.binder.url=http://127.0.0.1:1/rpc");
	}

}
