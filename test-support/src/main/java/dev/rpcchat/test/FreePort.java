package dev.rpcchat.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A port of 127.0.0.1 that nothing listens on just now, for what cannot be started on
 * port 0 (a server that must come back on the same port, a port known to refuse
 * connections). Another process may take it meanwhile: start on port 0 where you can.
 */
public final class FreePort {

	private FreePort() {
	}

	/**
	 * Finds one.
	 * @return the port
	 */
	public static int find() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
