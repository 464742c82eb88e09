package dev.rpcchat.server.store.redis;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.ChatStoreContractTests;

@ExtendWith(RedisServerExtension.class)
class RedisChatStoreTests extends ChatStoreContractTests {

	private static LettuceConnectionFactory connectionFactory;

	private RedisMessageListenerContainer listenerContainer;

	@BeforeAll
	static void connect() {
		connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", RedisServerExtension.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@Override
	protected ChatStore createStore(int historyLimit, AppendListener listener) {
		// Each test's store has keys of its own, so no test sees another's data.
		RedisKeys keys = new RedisKeys("test-" + UUID.randomUUID() + ":");
		this.listenerContainer = RedisStoreConfiguration.appendedListenerContainer(connectionFactory, keys, listener);
		this.listenerContainer.afterPropertiesSet();
		this.listenerContainer.start();
		return new RedisChatStore(new StringRedisTemplate(connectionFactory), keys, historyLimit);
	}

	@AfterEach
	void stopListening() throws Exception {
		this.listenerContainer.destroy();
	}

}
