package dev.rpcchat.server.store.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The {@code redis} component of {@code /actuator/health} (and of its readiness group, on
 * the Redis store): a PING within the command timeout. Unlike Boot's indicator it logs no
 * trace when Redis is down: the answer says why, and a failing call already logged it.
 */
class RedisStoreHealthIndicator implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(RedisStoreHealthIndicator.class);

	private final RedisConnectionFactory connectionFactory;

	RedisStoreHealthIndicator(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	@Override
	public Health health() {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			return Health.up().withDetail("ping", connection.ping()).build();
		}
		catch (RuntimeException ex) {
			logger.debug("Redis health check failed", ex);
			return Health.down().withDetail("error", RedisUnavailable.describe(ex)).build();
		}
	}

}
