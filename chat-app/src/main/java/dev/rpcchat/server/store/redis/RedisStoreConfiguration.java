package dev.rpcchat.server.store.redis;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.store.AppendListener;

/**
 * The Redis store, when {@code chat.store=redis}: the store, the subscription that wakes
 * this instance's waiters for messages appended through any instance, and the Redis
 * health indicator. The connection is Spring Boot's ({@code spring.data.redis.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.store", havingValue = "redis")
class RedisStoreConfiguration {

	/** The prefix of every key and channel of the store. */
	static final RedisKeys KEYS = new RedisKeys("chat:");

	@Bean
	RedisChatStore redisChatStore(StringRedisTemplate redis, ChatProperties properties) {
		if (redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware()) {
			// A send is one script over the keys of a session, a room and a rate.
			throw new IllegalStateException(
					"The Redis store needs a standalone Redis (or Sentinel), not a Redis Cluster");
		}
		return new RedisChatStore(redis, KEYS, properties.storeLimits());
	}

	@Bean
	RedisMessageListenerContainer chatAppendedListenerContainer(RedisConnectionFactory connectionFactory,
			List<AppendListener> listeners) {
		RedisMessageListenerContainer container = appendedListenerContainer(connectionFactory, KEYS,
				AppendListener.all(listeners));
		// Started by chatAppendedSubscription, which does not give up when Redis is down;
		// unsubscribed after the web server stops.
		container.setAutoStartup(false);
		container.setPhase(SmartLifecycle.DEFAULT_PHASE - 4096);
		return container;
	}

	@Bean
	RedisSubscriptionStarter chatAppendedSubscription(RedisMessageListenerContainer chatAppendedListenerContainer) {
		return new RedisSubscriptionStarter(chatAppendedListenerContainer, RedisSubscriptionStarter.RETRY_INTERVAL);
	}

	/** The command timeout when {@code spring.data.redis.timeout} is not set. */
	static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * While Redis is unreachable, a command fails at once instead of waiting in the
	 * reconnecting connection's queue until it times out: calls answer their error
	 * quickly, and work again as soon as Lettuce has reconnected. While Redis is there
	 * but does not answer (paused, overloaded), every command, pub/sub included, fails
	 * after the command timeout ({@link TimeoutOptions}) instead of waiting for an answer
	 * that may never come.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer chatFailFastWhenRedisDoesNotAnswer() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled());
	}

	/**
	 * A command timeout of {@link #DEFAULT_COMMAND_TIMEOUT} unless
	 * {@code spring.data.redis.timeout} says otherwise (Lettuce's own is a minute).
	 */
	@Bean
	LettuceClientConfigurationBuilderCustomizer chatDefaultCommandTimeout(DataRedisProperties properties) {
		return (configuration) -> {
			if (properties.getTimeout() == null) {
				configuration.commandTimeout(DEFAULT_COMMAND_TIMEOUT);
			}
		};
	}

	/**
	 * A listener container that hands each appended message to the listener, in the order
	 * published: on the connection's thread, since waking a waiter only completes a
	 * future.
	 * @param connectionFactory the connection
	 * @param keys the names of the keys and channel
	 * @param listener told of every appended message
	 * @return the container, not yet started
	 */
	static RedisMessageListenerContainer appendedListenerContainer(RedisConnectionFactory connectionFactory,
			RedisKeys keys, AppendListener listener) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		container.setTaskExecutor(new SyncTaskExecutor());
		container.addMessageListener(new RedisAppendSubscriber(listener), new ChannelTopic(keys.appendedChannel()));
		return container;
	}

	/**
	 * Reports Redis in the health endpoint whenever the store is on Redis, whatever
	 * {@code management.health.redis.enabled} says (the packaged default turns it off for
	 * the memory store); {@link RedisStoreEnvironment} puts it in the readiness group.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	// Component scanning finds nested configurations on their own, so the outer condition
	// must be repeated.
	@ConditionalOnProperty(name = "chat.store", havingValue = "redis")
	static class RedisHealthConfiguration {

		@Bean
		RedisStoreHealthIndicator redisHealthContributor(RedisConnectionFactory connectionFactory) {
			return new RedisStoreHealthIndicator(connectionFactory);
		}

		@Bean
		RedisReadinessHealthIndicator redisReadinessHealthContributor(
				RedisStoreHealthIndicator redisHealthContributor) {
			return new RedisReadinessHealthIndicator(redisHealthContributor);
		}

	}

}
