package dev.rpcchat.bench;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server on a free port for the failover test: the system
 * {@code redis-server} when it is on the PATH, else the binary in the embedded-redis jar
 * (the same choice as chat-app's tests make).
 */
final class TestRedis implements AutoCloseable {

	private static final int ATTEMPTS = 3;

	private final RedisServer server;

	private final int port;

	private TestRedis(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static TestRedis start() {
		ExecutableProvider executable = executable();
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
				return new TestRedis(server, port);
			}
			catch (IOException ex) {
				// Another process may have taken the free port in between.
				failure = ex;
			}
		}
		throw new UncheckedIOException("Redis did not start", failure);
	}

	int port() {
		return this.port;
	}

	private static ExecutableProvider executable() {
		try {
			return ExecutableProvider.newExecutableInPath("redis-server");
		}
		catch (FileNotFoundException ex) {
			return ExecutableProvider.newJarResourceProvider();
		}
	}

	static int freePort() {
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
