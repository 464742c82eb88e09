package dev.rpcchat.server.store.redis;

import java.time.Clock;

import dev.rpcchat.test.SharedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.ChatStore;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedRedis.class)
class RedisStoreConfigurationTests {

	// Both classes, as component scanning finds them.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
		.withUserConfiguration(Collaborators.class, RedisStoreConfiguration.class,
				RedisStoreConfiguration.RedisHealthConfiguration.class)
		.withPropertyValues("spring.data.redis.port=" + SharedRedis.port());

	@Test
	void theMemoryStoreGetsNothingOfRedis() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ChatStore.class)
			.doesNotHaveBean("redisHealthContributor"));
	}

	@Test
	void theRedisStoreGetsTheStoreAndAHealthIndicator() {
		this.contextRunner.withPropertyValues("chat.store=redis").run((context) -> {
			assertThat(context).getBean(ChatStore.class).isInstanceOf(RedisChatStore.class);
			assertThat(context.getBean("redisHealthContributor", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ChatProperties.class)
	static class Collaborators {

		@Bean
		AppendListener appendListener() {
			return (message) -> {
			};
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
