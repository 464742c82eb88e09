package dev.rpcchat.server.store.redis;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On the Redis store ({@code chat.store=redis}, wherever it is set), puts the
 * {@code redisReadiness} health component ({@link RedisReadinessHealthIndicator}) in the
 * readiness group, as a default any setting overrides: an instance that cannot reach
 * Redis answers every call with an error, so {@code /actuator/health/readiness} says
 * OUT_OF_SERVICE and a load balancer sends its clients elsewhere. The memory store has no
 * such component, so the packaged {@code application.yml} cannot name it.
 */
class RedisStoreEnvironment implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String store = environment.getProperty("chat.store", "memory");
		if (store.toLowerCase(Locale.ROOT).equals("redis")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("chatRedisStoreDefaults",
						Map.of("management.endpoint.health.group.readiness.include", "readinessState,redisReadiness")));
		}
	}

	/**
	 * After the configuration files are read, so that {@code chat.store} in them counts.
	 */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
