package dev.rpcchat.server.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.core.ExecutableProvider;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class RedisServerExtensionTests {

	@Test
	void startsARedisRecentEnoughForTheStore() {
		assertThat(version(RedisServerExtension.port())).satisfies(RedisServerExtensionTests::isAtLeastSixPointTwo);
	}

	@Test
	void theBinaryInTheEmbeddedRedisJarRunsHereWhenThereIsNoSystemRedis() throws Exception {
		try (RedisServerExtension.RunningRedis redis = RedisServerExtension.RunningRedis
			.start(ExecutableProvider.newJarResourceProvider())) {
			assertThat(version(redis.port())).satisfies(RedisServerExtensionTests::isAtLeastSixPointTwo);
		}
	}

	private static String version(int port) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync()
				.info("server")
				.lines()
				.filter((line) -> line.startsWith("redis_version:"))
				.map((line) -> line.substring("redis_version:".length()).strip())
				.findFirst()
				.orElseThrow();
		}
		finally {
			client.shutdown();
		}
	}

	private static void isAtLeastSixPointTwo(String version) {
		String[] parts = version.split("\\.");
		int major = Integer.parseInt(parts[0]);
		int minor = Integer.parseInt(parts[1]);
		assertThat(major * 100 + minor).as("Redis %s", version).isGreaterThanOrEqualTo(602);
	}

}
