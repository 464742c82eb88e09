package dev.rpcchat.server.store.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpcchat.api.Message;
import dev.rpcchat.server.message.SendRateLimiter;
import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.AppendResult;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.ChatStoreContractTests;
import dev.rpcchat.server.store.OutgoingMessage;
import dev.rpcchat.server.store.ReadResult;

@ExtendWith(RedisServerExtension.class)
class RedisChatStoreTests extends ChatStoreContractTests {

	private static LettuceConnectionFactory connectionFactory;

	private final List<RedisMessageListenerContainer> listenerContainers = new ArrayList<>();

	private RedisChatStore store;

	private RedisKeys keys;

	@BeforeAll
	static void connect() {
		connectionFactory = RedisServerExtension.connect();
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@Override
	protected ChatStore createStore(int historyLimit, AppendListener listener) {
		// Each test's store has keys of its own, so no test sees another's data.
		this.keys = new RedisKeys("test-" + UUID.randomUUID() + ":");
		RedisMessageListenerContainer listenerContainer = RedisStoreConfiguration
			.appendedListenerContainer(connectionFactory, this.keys, listener);
		listenerContainer.afterPropertiesSet();
		listenerContainer.start();
		this.listenerContainers.add(listenerContainer);
		this.store = new RedisChatStore(new StringRedisTemplate(connectionFactory), this.keys, historyLimit,
				oneStepCalls());
		return this.store;
	}

	/**
	 * Whether the store sends (and reads for a token) in one script, as on a Redis that
	 * is not a Cluster.
	 * @return true here
	 */
	boolean oneStepCalls() {
		return true;
	}

	@Override
	protected SendRateLimiter createRateLimiter(int perSecond, int burst, Clock clock) {
		return new RedisSendRateLimiter(new StringRedisTemplate(connectionFactory), this.keys, perSecond, burst, clock);
	}

	@Test
	void keepsTheTextOfAMessageExactlyThroughTheScripts() {
		Instant now = Instant.parse("2026-11-22T14:00:00.123Z");
		String text = "olá \"mundo\" 😀 \\ / </script> \n\t\u0001 { } [ ] 12345678901234567890";
		this.store.createRoom("Sala", now);
		this.store.join("sala", "Ana", 50, now);
		AppendResult sent = this.store.append(new OutgoingMessage("sala", "Ana", null, text, "ç-1"), now);
		assertThat(sent).isInstanceOfSatisfying(AppendResult.Stored.class, (stored) -> {
			assertThat(stored.message().content()).isEqualTo(text);
			assertThat(stored.message().timestamp()).isEqualTo(now);
			assertThat(this.store.read("sala", "ana", null))
				.isEqualTo(new ReadResult.Messages(List.of(stored.message())));
			assertThat(this.store.findSent("ANA", "ç-1", now)).contains(stored.message());
		});
	}

	@Test
	void aClientCursorBeyondAnyIdReadsNothing() {
		Instant now = Instant.parse("2026-11-22T14:00:00Z");
		this.store.createRoom("sala", now);
		this.store.join("sala", "ana", 50, now);
		this.store.append(new OutgoingMessage("sala", "ana", null, "oi", null), now);
		assertThat(this.store.read("sala", "ana", Long.MAX_VALUE)).isEqualTo(new ReadResult.Messages(List.of()));
		assertThat(this.store.read("sala", "ana", Long.MIN_VALUE)).isInstanceOfSatisfying(ReadResult.Messages.class,
				(messages) -> assertThat(messages.messages()).extracting(Message::content).containsExactly("oi"));
	}

	@AfterEach
	void stopListening() throws Exception {
		for (RedisMessageListenerContainer listenerContainer : this.listenerContainers) {
			listenerContainer.destroy();
		}
	}

}
