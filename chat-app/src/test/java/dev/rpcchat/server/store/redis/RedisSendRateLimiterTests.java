package dev.rpcchat.server.store.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class RedisSendRateLimiterTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T14:00:00Z"), ZoneOffset.UTC);

	private final RedisKeys keys = new RedisKeys("test-" + UUID.randomUUID() + ":");

	private static LettuceConnectionFactory connectionFactory;

	private RedisSendRateLimiter onInstanceA;

	private RedisSendRateLimiter onInstanceB;

	@BeforeAll
	static void connect() {
		connectionFactory = RedisServerExtension.connect();
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@BeforeEach
	void createTwoInstancesLimiters() {
		this.onInstanceA = new RedisSendRateLimiter(new StringRedisTemplate(connectionFactory), this.keys, 1, 3,
				this.clock);
		this.onInstanceB = new RedisSendRateLimiter(new StringRedisTemplate(connectionFactory), this.keys, 1, 3,
				this.clock);
	}

	@Test
	void aUsersBurstIsSharedByEveryInstance() {
		assertThat(this.onInstanceA.tryAcquire("ana")).isZero();
		assertThat(this.onInstanceB.tryAcquire("ANA")).isZero();
		assertThat(this.onInstanceA.tryAcquire("ana")).isZero();
		assertThat(this.onInstanceB.tryAcquire("ana")).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(this.onInstanceA.tryAcquire("ana")).isPositive();
		assertThat(this.onInstanceB.tryAcquire("bob")).isZero();
	}

	@Test
	void aForgottenUserStartsWithAFullBurst() {
		for (int i = 0; i < 3; i++) {
			this.onInstanceA.tryAcquire("ana");
		}
		assertThat(this.onInstanceB.tryAcquire("ana")).isPositive();
		this.onInstanceB.forget("ana");
		assertThat(this.onInstanceA.tryAcquire("ana")).isZero();
	}

}
