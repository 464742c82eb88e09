package dev.rpcchat.rpc.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.apache.tomcat.websocket.WsSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import dev.rpcchat.rpc.PreparedText;
import dev.rpcchat.rpc.RpcConnection;

/**
 * One WebSocket as an {@link RpcConnection}: the token bound to it, the text message
 * being read in parts, and the queue of what waits to be written, written one message at
 * a time with the container's asynchronous sends so that no thread waits for a slow peer.
 */
final class WebSocketRpcConnection implements RpcConnection {

	static final int GOING_AWAY = 1001;

	static final int UNSUPPORTED_DATA = 1003;

	static final int POLICY_VIOLATION = 1008;

	static final int TOO_BIG = 1009;

	static final int INTERNAL_ERROR = 1011;

	static final int TRY_AGAIN_LATER = 1013;

	private static final Logger logger = LoggerFactory.getLogger(WebSocketRpcConnection.class);

	private static final ByteBuffer PING = ByteBuffer.allocate(0);

	private static final int PENDING = 0;

	private static final int RETURNED = 1;

	private static final int COMPLETED = 2;

	private final NativeWebSocketSession session;

	private final RemoteEndpoint.Async remote;

	private final WsSession tomcatSession;

	private final String remoteAddress;

	private final int maxQueuedBytes;

	private final int maxCallsInFlight;

	private final IntConsumer closedByServer;

	private final Duration closeGrace;

	private final AtomicReference<String> token = new AtomicReference<>();

	private final ConcurrentLinkedQueue<PreparedText> queue = new ConcurrentLinkedQueue<>();

	private final AtomicLong queuedBytes = new AtomicLong();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicInteger sendState = new AtomicInteger();

	/** Whether a message is being written: from the send until its completion. */
	private final AtomicBoolean writeInFlight = new AtomicBoolean();

	/** The close that waits for the message being written to complete. */
	private final AtomicReference<CloseStatus> pendingClose = new AtomicReference<>();

	private final SendHandler sent = this::sent;

	private final Object flow = new Object();

	private int callsInFlight;

	private boolean suspended;

	private volatile boolean closing;

	private volatile long lastHeardNanos = System.nanoTime();

	// Only the container's reading thread touches these, one message at a time.
	private StringBuilder partial;

	private long partialBytes;

	WebSocketRpcConnection(NativeWebSocketSession session, RpcWebSocketSettings settings, IntConsumer closedByServer) {
		this.session = session;
		this.closedByServer = closedByServer;
		Session nativeSession = session.getNativeSession(Session.class);
		this.remote = nativeSession.getAsyncRemote();
		this.tomcatSession = (nativeSession instanceof WsSession wsSession) ? wsSession : null;
		InetSocketAddress address = session.getRemoteAddress();
		this.remoteAddress = (address != null && address.getAddress() != null) ? address.getAddress().getHostAddress()
				: null;
		this.maxQueuedBytes = settings.maxQueuedBytes();
		this.maxCallsInFlight = settings.maxCallsInFlight();
		this.closeGrace = settings.pongTimeout();
	}

	@Override
	public String id() {
		return this.session.getId();
	}

	@Override
	public boolean isOpen() {
		return !this.closing && this.session.isOpen();
	}

	String remoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public Optional<String> bearerToken() {
		return Optional.ofNullable(this.token.get());
	}

	@Override
	public boolean bind(String token) {
		return this.token.compareAndSet(null, token) || token.equals(this.token.get());
	}

	@Override
	public boolean unbind(String token) {
		String bound = this.token.get();
		return bound != null && bound.equals(token) && this.token.compareAndSet(bound, null);
	}

	// Reading

	/**
	 * Adds a part of a text message.
	 * @param part the part
	 * @param last whether it ends the message
	 * @return the whole message once the last part came, else {@code null}
	 * @throws MessageTooBigException past {@link RpcWebSocketSettings#MAX_MESSAGE_BYTES}
	 */
	byte[] append(String part, boolean last) {
		this.lastHeardNanos = System.nanoTime();
		if (this.partial == null && last) {
			return checkedBytes(part);
		}
		this.partialBytes += PreparedText.utf8Length(part);
		if (this.partialBytes > RpcWebSocketSettings.MAX_MESSAGE_BYTES) {
			this.partial = null;
			this.partialBytes = 0;
			throw new MessageTooBigException();
		}
		if (this.partial == null) {
			this.partial = new StringBuilder(part.length() * 2);
		}
		this.partial.append(part);
		if (!last) {
			return null;
		}
		String whole = this.partial.toString();
		this.partial = null;
		this.partialBytes = 0;
		return whole.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] checkedBytes(String message) {
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > RpcWebSocketSettings.MAX_MESSAGE_BYTES) {
			throw new MessageTooBigException();
		}
		return bytes;
	}

	void heard() {
		this.lastHeardNanos = System.nanoTime();
	}

	long lastHeardNanos() {
		return this.lastHeardNanos;
	}

	/**
	 * Counts a call starting; at {@code maxCallsInFlight} the container stops reading the
	 * socket until one ends.
	 */
	void callStarted() {
		synchronized (this.flow) {
			this.callsInFlight++;
			if (this.callsInFlight >= this.maxCallsInFlight && !this.suspended && this.tomcatSession != null) {
				this.suspended = true;
				this.tomcatSession.suspend();
			}
		}
	}

	void callEnded() {
		synchronized (this.flow) {
			this.callsInFlight--;
			if (this.suspended && this.callsInFlight < this.maxCallsInFlight) {
				this.suspended = false;
				if (isOpen()) {
					this.tomcatSession.resume();
				}
			}
		}
	}

	// Writing

	@Override
	public boolean send(PreparedText text) {
		if (!isOpen()) {
			return false;
		}
		long queued = this.queuedBytes.addAndGet(text.utf8Length());
		// One large answer may always wait; what comes after it must fit.
		if (queued > this.maxQueuedBytes && queued > text.utf8Length()) {
			this.queuedBytes.addAndGet(-text.utf8Length());
			close(TRY_AGAIN_LATER, "Too slow: more than " + this.maxQueuedBytes + " bytes waiting");
			return false;
		}
		this.queue.add(text);
		if (this.writing.compareAndSet(false, true)) {
			writeQueued();
		}
		return true;
	}

	@Override
	public long queuedBytes() {
		return this.queuedBytes.get();
	}

	/**
	 * Writes what is queued, one message at a time, while this thread holds the writing
	 * flag. A send that completes at once continues here; one that completes later
	 * continues on the container's thread, in {@link #sent}, so the stack never grows.
	 */
	private void writeQueued() {
		while (true) {
			PreparedText next = this.queue.poll();
			if (next == null) {
				this.writing.set(false);
				// Something queued between the poll and the flag's release is ours to
				// write.
				if (this.queue.isEmpty() || !this.writing.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			this.queuedBytes.addAndGet(-next.utf8Length());
			if (this.closing) {
				continue;
			}
			this.sendState.set(PENDING);
			this.writeInFlight.set(true);
			try {
				this.remote.sendText(next.text(), this.sent);
			}
			catch (RuntimeException ex) {
				// The container refuses sends once the socket is closing.
				logger.debug("Could not write to WebSocket {}", id(), ex);
				this.writeInFlight.set(false);
				this.closing = true;
				continue;
			}
			if (this.sendState.compareAndSet(PENDING, RETURNED)) {
				return;
			}
		}
	}

	private void sent(SendResult result) {
		this.writeInFlight.set(false);
		closeIfPending();
		if (!result.isOK()) {
			logger.debug("A write to WebSocket {} failed", id(), result.getException());
			close(INTERNAL_ERROR, "Write failed");
		}
		if (!this.sendState.compareAndSet(PENDING, COMPLETED)) {
			writeQueued();
		}
	}

	/**
	 * Pings the peer; blocks the calling (virtual) thread until the ping is written.
	 */
	void ping() {
		if (!isOpen()) {
			return;
		}
		try {
			this.remote.sendPing(PING.duplicate());
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not ping WebSocket {}", id(), ex);
		}
	}

	/**
	 * Marks the connection closed by the container: nothing more is written.
	 */
	void closed() {
		this.closing = true;
		this.queue.clear();
	}

	@Override
	public void close(int code, String reason) {
		if (this.closing) {
			return;
		}
		this.closing = true;
		this.closedByServer.accept(code);
		// Tomcat aborts the connection, close frame unsent, if it is closed while a
		// message is half written: the close frame waits for that message (the rest of
		// the queue is dropped), at most closeGrace for a peer that reads nothing.
		this.pendingClose.set(new CloseStatus(code, reason));
		if (!this.writeInFlight.get()) {
			closeIfPending();
			return;
		}
		Thread.ofVirtual().name("rpc-ws-close-grace").start(() -> {
			try {
				Thread.sleep(this.closeGrace);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			closeIfPending();
		});
	}

	private void closeIfPending() {
		CloseStatus status = this.pendingClose.getAndSet(null);
		if (status == null) {
			return;
		}
		// Closing writes a close frame, which may wait for a slow peer: never on the
		// caller's thread.
		Thread.ofVirtual().name("rpc-ws-close").start(() -> {
			try {
				this.session.close(status);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Could not close WebSocket {} cleanly", id(), ex);
			}
		});
	}

	/**
	 * A text message past the size limit.
	 */
	static final class MessageTooBigException extends RuntimeException {

		MessageTooBigException() {
			super("A text message is larger than " + RpcWebSocketSettings.MAX_MESSAGE_BYTES + " bytes", null, false,
					false);
		}

	}

}
