package dev.rpcchat.system;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server for one test class, on a free port of 127.0.0.1: the system
 * {@code redis-server} when there is one, else the binary in the embedded-redis jar.
 */
final class LocalRedis implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private LocalRedis(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	static LocalRedis start() {
		IOException failure = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			int port = freePort();
			try {
				RedisServer server = RedisServer.newRedisServer()
					.executableProvider(executable())
					.bind("127.0.0.1")
					.port(port)
					.setting("save \"\"")
					.setting("appendonly no")
					.onShutdownForceStop(true)
					.build();
				server.start();
				return new LocalRedis(server, port);
			}
			catch (IOException ex) {
				// another process took the port in between: try another
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
