package dev.rpcchat.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second address of a real chat server, which a test can make die as a killed server
 * does: every connection reset at once and nothing listening any more. Before that it can
 * swallow the server's answers, so that calls are done but never confirmed.
 */
final class DyingProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicInteger swallowed = new AtomicInteger();

	private volatile boolean swallowing;

	private DyingProxy(ServerSocket listener, int targetPort) {
		this.listener = listener;
		this.targetPort = targetPort;
	}

	static DyingProxy to(int targetPort) {
		try {
			DyingProxy proxy = new DyingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
			Thread.ofVirtual().name("proxy-accept").start(proxy::accept);
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.listener.getLocalPort();
	}

	/**
	 * From now on, requests still reach the server but its answers are dropped.
	 */
	void swallowAnswers() {
		this.swallowing = true;
	}

	/**
	 * How many chunks of answers were dropped so far.
	 */
	int swallowed() {
		return this.swallowed.get();
	}

	/**
	 * Dies: resets every connection and stops listening.
	 */
	void kill() {
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// dead anyway
		}
		for (Socket socket : this.sockets) {
			reset(socket);
		}
	}

	@Override
	public void close() {
		kill();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(server);
				Thread.ofVirtual().start(() -> pump(client, server, false));
				Thread.ofVirtual().start(() -> pump(server, client, true));
			}
			catch (IOException ex) {
				// closed: the proxy died
			}
		}
	}

	private void pump(Socket from, Socket to, boolean answers) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (answers && this.swallowing) {
					this.swallowed.incrementAndGet();
					continue;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away
		}
		finally {
			reset(from);
			reset(to);
		}
	}

	private void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ex) {
			// closed already
		}
		this.sockets.remove(socket);
	}

}
