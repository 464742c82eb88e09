package dev.rpcchat.server.store.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code redisReadiness} component of the readiness group on the Redis store:
 * OUT_OF_SERVICE while Redis cannot be reached (an instance without its store refuses
 * traffic, as Boot's readiness state does), else UP. The {@code redis} component says
 * DOWN meanwhile.
 */
class RedisReadinessHealthIndicator implements HealthIndicator {

	private final HealthIndicator redis;

	RedisReadinessHealthIndicator(HealthIndicator redis) {
		this.redis = redis;
	}

	@Override
	public Health health() {
		Health health = this.redis.health();
		if (Status.UP.equals(health.getStatus())) {
			return Health.up().build();
		}
		return Health.outOfService().withDetails(health.getDetails()).build();
	}

}
