package dev.rpcchat.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.core.ExecutableProvider;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedRedis.class)
class TestRedisTests {

	@Test
	void startsARedisRecentEnoughForTheStore() throws IOException {
		assertThat(version(SharedRedis.port())).satisfies(TestRedisTests::isAtLeastSixPointTwo);
	}

	@Test
	void theBinaryInTheEmbeddedRedisJarRunsHereWhenThereIsNoSystemRedis() throws IOException {
		try (TestRedis redis = TestRedis.start(ExecutableProvider.newJarResourceProvider())) {
			assertThat(version(redis.port())).satisfies(TestRedisTests::isAtLeastSixPointTwo);
		}
	}

	@Test
	void comesBackOnTheSamePortAfterAStop() throws IOException {
		int port;
		try (TestRedis redis = TestRedis.start()) {
			port = redis.port();
			redis.close();
			assertThat(redis.isRunning()).isFalse();
		}
		try (TestRedis again = TestRedis.startOn(port)) {
			assertThat(version(again.port())).isNotBlank();
		}
	}

	/**
	 * Asks {@code INFO server} over the Redis protocol and reads {@code redis_version}.
	 */
	private static String version(int port) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.getOutputStream().write("INFO server\r\n".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			String header = line(in);
			assertThat(header).startsWith("$");
			byte[] body = in.readNBytes(Integer.parseInt(header.substring(1)));
			return new String(body, StandardCharsets.UTF_8).lines()
				.filter((line) -> line.startsWith("redis_version:"))
				.map((line) -> line.substring("redis_version:".length()).strip())
				.findFirst()
				.orElseThrow();
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c != '\r') {
				line.write(c);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private static void isAtLeastSixPointTwo(String version) {
		String[] parts = version.split("\\.");
		int major = Integer.parseInt(parts[0]);
		int minor = Integer.parseInt(parts[1]);
		assertThat(major * 100 + minor).as("Redis %s", version).isGreaterThanOrEqualTo(602);
	}

}
