package dev.rpcchat.test;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server on 127.0.0.1, without persistence: the system {@code redis-server}
 * when it is on the PATH, else the binary shipped in the embedded-redis jar. It is
 * stopped by {@link #close()}, or when the JVM ends. For one Redis shared by a whole test
 * run, see {@link SharedRedis}.
 */
public final class TestRedis implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TestRedis.class);

	private static final int ATTEMPTS = 3;

	private final RedisServer server;

	private final int port;

	private TestRedis(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts one on a free port.
	 * @return the running server
	 */
	public static TestRedis start() {
		return start(executable());
	}

	/**
	 * Starts one on a free port, from the given binary.
	 * @param executable the redis-server binary
	 * @return the running server
	 */
	public static TestRedis start(ExecutableProvider executable) {
		IOException failure = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				return start(executable, FreePort.find());
			}
			catch (IOException ex) {
				// Another process may have taken the free port in between: try another.
				failure = ex;
			}
		}
		throw new UncheckedIOException("Redis did not start", failure);
	}

	/**
	 * Starts one on the given port, as a Redis that comes back where it was.
	 * @param port the port
	 * @return the running server
	 */
	public static TestRedis startOn(int port) {
		try {
			return start(executable(), port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis did not start on port " + port, ex);
		}
	}

	private static TestRedis start(ExecutableProvider executable, int port) throws IOException {
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
		return new TestRedis(server, port);
	}

	/**
	 * The binary to run: the system {@code redis-server} when it is on the PATH, else the
	 * one in the embedded-redis jar.
	 * @return it
	 */
	public static ExecutableProvider executable() {
		try {
			return ExecutableProvider.newExecutableInPath("redis-server");
		}
		catch (FileNotFoundException ex) {
			logger.info("No redis-server on the PATH: using the one in the embedded-redis jar");
			return ExecutableProvider.newJarResourceProvider();
		}
	}

	/**
	 * The port it listens on, on 127.0.0.1.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	public boolean isRunning() {
		return this.server.isActive();
	}

	/**
	 * Stops it, if it still runs.
	 */
	@Override
	public void close() {
		if (this.server.isActive()) {
			try {
				this.server.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
