package dev.rpcchat.server.message;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rpcchat.api.Message;
import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.name.Names;

/**
 * The long polls waiting for messages, woken by the store when a message they may see is
 * appended to their room. A waiter is a future: a waiting long poll holds no thread.
 */
public class MessageWaiters implements AppendListener {

	private final ConcurrentMap<String, Set<Waiter>> waitersByRoom = new ConcurrentHashMap<>();

	private final AtomicInteger waiting = new AtomicInteger();

	private final List<AppendListener> followers = new CopyOnWriteArrayList<>();

	private volatile boolean shuttingDown;

	/**
	 * Starts listening for messages in a room that a user may see; register before
	 * reading, so that no message appended in between is missed.
	 * @param roomName the room, in any case
	 * @param username the reader
	 * @return the waiter, to be closed when done
	 */
	public Waiter register(String roomName, String username) {
		Waiter waiter = new Waiter(Names.key(roomName), username);
		this.waitersByRoom.compute(waiter.roomKey, (key, waiters) -> {
			Set<Waiter> set = (waiters != null) ? waiters : ConcurrentHashMap.newKeySet();
			set.add(waiter);
			return set;
		});
		return waiter;
	}

	/**
	 * Also tells another listener of every appended message, after the waiters.
	 * @param follower a listener that returns quickly and never throws
	 */
	public void alsoNotify(AppendListener follower) {
		this.followers.add(follower);
	}

	@Override
	public void appended(Message message) {
		wakeWaiters(message);
		for (AppendListener follower : this.followers) {
			follower.appended(message);
		}
	}

	private void wakeWaiters(Message message) {
		Set<Waiter> waiters = this.waitersByRoom.get(Names.key(message.roomName()));
		if (waiters == null) {
			return;
		}
		for (Waiter waiter : waiters) {
			if (message.isVisibleTo(waiter.username)) {
				waiter.signal.complete(null);
			}
		}
	}

	/**
	 * Ends every wait at once, and every later one before it starts, until
	 * {@link #resume()}, so that a graceful shutdown does not wait for long polls to time
	 * out.
	 */
	public void wakeAllForShutdown() {
		this.shuttingDown = true;
		this.waitersByRoom.values().forEach((waiters) -> waiters.forEach((waiter) -> waiter.signal.complete(null)));
	}

	/**
	 * Lets long polls wait again, when the application starts again after a stop.
	 */
	public void resume() {
		this.shuttingDown = false;
	}

	/**
	 * How many long polls are waiting now.
	 * @return the number of waiting calls
	 */
	public int waiting() {
		return this.waiting.get();
	}

	/**
	 * One long poll's registration.
	 */
	public final class Waiter implements AutoCloseable {

		private final String roomKey;

		private final String username;

		private volatile CompletableFuture<Void> signal = new CompletableFuture<>();

		private Waiter(String roomKey, String username) {
			this.roomKey = roomKey;
			this.username = username;
		}

		/**
		 * Waits, without a thread, until a message this user may see is appended to the
		 * room, or the time is up. The future completes on the thread that appended the
		 * message, on a timer's or on the one shutting down: go on elsewhere.
		 * @param timeout the longest wait
		 * @return whether a message arrived; {@code false} at once when the server is
		 * shutting down
		 */
		public CompletableFuture<Boolean> next(Duration timeout) {
			if (MessageWaiters.this.shuttingDown) {
				return CompletableFuture.completedFuture(false);
			}
			MessageWaiters.this.waiting.incrementAndGet();
			CompletableFuture<Boolean> arrived = this.signal.thenApply((signalled) -> true)
				.completeOnTimeout(false, Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
			arrived.whenComplete((result, failure) -> MessageWaiters.this.waiting.decrementAndGet());
			return arrived;
		}

		/**
		 * Makes the waiter wait for the next message again; call before reading again, so
		 * that no message appended in between is missed.
		 */
		public void rearm() {
			if (this.signal.isDone()) {
				this.signal = new CompletableFuture<>();
			}
		}

		@Override
		public void close() {
			MessageWaiters.this.waitersByRoom.computeIfPresent(this.roomKey, (key, waiters) -> {
				waiters.remove(this);
				return waiters.isEmpty() ? null : waiters;
			});
		}

	}

}
