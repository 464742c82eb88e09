package dev.rpcchat.server.store.redis;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * Starts one real Redis server for the whole test run, on a free port: the system
 * {@code redis-server} when it is on the PATH, else the binary shipped in the
 * embedded-redis jar. It stops when the test run ends.
 */
final class RedisServerExtension implements BeforeAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RedisServerExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		// The root store closes its AutoCloseable values when the whole run ends, not
		// after each class.
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningRedis.class, (key) -> Holder.REDIS);
	}

	/**
	 * The port of the running server, starting it on first use.
	 * @return the port
	 */
	static int port() {
		return Holder.REDIS.port();
	}

	/**
	 * A started connection to the running server's database 0; the caller destroys it.
	 * @return the connection factory
	 */
	static LettuceConnectionFactory connect() {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		return connectionFactory;
	}

	private static final class Holder {

		static final RunningRedis REDIS = RunningRedis.start(RunningRedis.executable());

	}

	/**
	 * A started Redis server and its port.
	 *
	 * @param server the server process
	 * @param port the port it listens on, on 127.0.0.1
	 */
	record RunningRedis(RedisServer server, int port) implements AutoCloseable {

		private static final Logger logger = LoggerFactory.getLogger(RunningRedis.class);

		private static final int ATTEMPTS = 3;

		static RunningRedis start(ExecutableProvider executable) {
			IOException failure = null;
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				int port = freePort();
				try {
					RedisServer server = RedisServer.newRedisServer()
						.executableProvider(executable)
						.bind("127.0.0.1")
						.port(port)
						.setting("save \"\"")
						.setting("appendonly no")
						.onShutdownForceStop(true)
						.build();
					server.start();
					logger.info("Redis for the tests listens on port {}", port);
					return new RunningRedis(server, port);
				}
				catch (IOException ex) {
					// Another process may have taken the free port in between: try
					// another.
					failure = ex;
				}
			}
			throw new UncheckedIOException("Redis did not start", failure);
		}

		static ExecutableProvider executable() {
			try {
				ExecutableProvider system = ExecutableProvider.newExecutableInPath("redis-server");
				logger.info("Using the system redis-server");
				return system;
			}
			catch (FileNotFoundException ex) {
				logger.info("No redis-server on the PATH: using the one in the embedded-redis jar");
				return ExecutableProvider.newJarResourceProvider();
			}
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			this.server.stop();
		}

	}

}
