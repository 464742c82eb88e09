package dev.rpcchat.server.store.redis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.rpcchat.test.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.ChatStoreContractTests;
import dev.rpcchat.server.store.ReadRequest;
import dev.rpcchat.server.store.ReadResult;
import dev.rpcchat.server.store.SendRequest;
import dev.rpcchat.server.store.SendResult;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.store.StoreLimits;

@ExtendWith(SharedRedis.class)
class RedisChatStoreTests extends ChatStoreContractTests {

	private static LettuceConnectionFactory connectionFactory;

	private final List<RedisMessageListenerContainer> listenerContainers = new ArrayList<>();

	private RedisChatStore store;

	private RedisKeys keys;

	@BeforeAll
	static void connect() {
		connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", SharedRedis.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@Override
	protected ChatStore createStore(StoreLimits limits, AppendListener listener) {
		// Each test's store has keys of its own, so no test sees another's data.
		this.keys = new RedisKeys("test-" + UUID.randomUUID() + ":");
		RedisMessageListenerContainer listenerContainer = RedisStoreConfiguration
			.appendedListenerContainer(connectionFactory, this.keys, listener);
		listenerContainer.afterPropertiesSet();
		listenerContainer.start();
		this.listenerContainers.add(listenerContainer);
		this.store = new RedisChatStore(new StringRedisTemplate(connectionFactory), this.keys, limits);
		return this.store;
	}

	@Test
	void keepsTheTextOfAMessageExactlyThroughTheScripts() {
		Instant now = Instant.parse("2026-11-22T14:00:00.123Z");
		String text = "olá \"mundo\" 😀 \\ / </script> \n\t { } [ ] 12345678901234567890";
		this.store.claimUsername(new Session("Ana", "h", now.plusSeconds(60)));
		this.store.createRoom("Sala", now);
		this.store.join("sala", "Ana", 50, now);
		SendResult sent = this.store
			.send(new SendRequest("h", "ana", "sala", null, text, "ç-1", now, now.plusSeconds(60)));
		assertThat(sent).isInstanceOfSatisfying(SendResult.Stored.class, (stored) -> {
			assertThat(stored.message().content()).isEqualTo(text);
			assertThat(stored.message().timestamp()).isEqualTo(now);
			assertThat(this.store.read(new ReadRequest("h", "ana", "sala", null, 10, now, now.plusSeconds(60))))
				.isEqualTo(new ReadResult.Messages(List.of(stored.message())));
			assertThat(this.store.findSent("ANA", "ç-1", now)).contains(stored.message());
		});
	}

	@AfterEach
	void stopListening() throws Exception {
		for (RedisMessageListenerContainer listenerContainer : this.listenerContainers) {
			listenerContainer.destroy();
		}
	}

}
