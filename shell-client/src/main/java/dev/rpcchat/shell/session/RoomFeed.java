package dev.rpcchat.shell.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.shell.connection.ServiceUnreachableException;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.console.TerminalText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One followed room: the last message shown, and the long poll that prints new ones above
 * the prompt while it runs.
 */
final class RoomFeed {

	private static final Logger logger = LoggerFactory.getLogger(RoomFeed.class);

	private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

	private final String room;

	private final String username;

	private final Supplier<ChatService> chat;

	private final Screen screen;

	private final MessageRenderer renderer;

	private final ErrorSentences errors;

	private final int waitSeconds;

	private final AtomicLong lastSeen = new AtomicLong();

	private volatile Thread poller;

	/**
	 * A feed of a room for a user.
	 * @param room the room
	 * @param username the user, whose own messages are not shown again
	 * @param chat the chat service to poll
	 * @param screen where messages go
	 * @param renderer how they look
	 * @param errors what a failure says
	 * @param pollWait how long one long poll waits (at most 30 s)
	 */
	RoomFeed(String room, String username, Supplier<ChatService> chat, Screen screen, MessageRenderer renderer,
			ErrorSentences errors, Duration pollWait) {
		this.room = room;
		this.username = username;
		this.chat = chat;
		this.screen = screen;
		this.renderer = renderer;
		this.errors = errors;
		this.waitSeconds = (int) Math.clamp(pollWait.toSeconds(), 0, 30);
	}

	/**
	 * Starts the long poll unless one is running; the thread is known as this feed's
	 * poller before it runs, so its first check finds itself.
	 */
	void start() {
		Thread thread = this.poller;
		if (thread == null || !thread.isAlive()) {
			Thread fresh = Thread.ofVirtual().name("live-" + this.room).unstarted(this::poll);
			this.poller = fresh;
			fresh.start();
		}
	}

	boolean polling() {
		Thread thread = this.poller;
		return thread != null && thread.isAlive();
	}

	void stop() {
		Thread thread = this.poller;
		this.poller = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	String room() {
		return this.room;
	}

	/**
	 * Fetches what arrived and was not shown yet, without waiting.
	 * @return the new messages from others, oldest first
	 */
	List<Message> receiveNow() {
		return unseen(this.chat.get().receiveMessages(this.username, this.room, 0, this.lastSeen.get()));
	}

	/**
	 * Keeps what was not shown before and was not sent by this user (the shell shows
	 * those when they are sent), and remembers it as shown. The last message shown is the
	 * client's own cursor: a read whose answer was lost, even on a server that died, is
	 * read again from there elsewhere, and 0 means from the join.
	 */
	private List<Message> unseen(List<Message> messages) {
		return messages.stream()
			.filter((message) -> message.id() > this.lastSeen.getAndAccumulate(message.id(), Math::max))
			.filter((message) -> message.type() == MessageType.SYSTEM
					|| !this.username.equalsIgnoreCase(message.sender()))
			.toList();
	}

	private boolean current() {
		return this.poller == Thread.currentThread() && !Thread.currentThread().isInterrupted();
	}

	private void poll() {
		try {
			pollWhileFollowed();
		}
		catch (Throwable ex) {
			// Anything else ends this feed: say so once, rather than go quiet.
			logger.debug("Live messages of {} stopped", this.room, ex);
			if (current()) {
				String room = TerminalText.line(this.room);
				this.screen.notice("Live messages of #" + room + " stopped (" + this.errors.sentence(ex)
						+ "). Type `join " + room + "` to restart them.", Screen.ALARM);
			}
		}
		finally {
			if (this.poller == Thread.currentThread()) {
				this.poller = null;
			}
		}
	}

	private void pollWhileFollowed() {
		boolean lost = false;
		boolean troubled = false;
		while (current()) {
			try {
				List<Message> messages = this.chat.get()
					.receiveMessages(this.username, this.room, this.waitSeconds, this.lastSeen.get());
				if (lost && current()) {
					this.screen.notice("Connected to the chat server again.", Screen.RELIEF);
				}
				lost = false;
				troubled = false;
				show(unseen(messages));
			}
			catch (ChatException ex) {
				if (current()) {
					this.screen.notice(this.errors.sentence(ex), Screen.ALARM);
				}
				if (ex.errorCode() != ErrorCode.RATE_LIMITED) {
					return;
				}
				pause(RETRY_PAUSE);
			}
			catch (ServiceUnreachableException ex) {
				if (current() && !lost) {
					this.screen.notice(this.errors.feedRetrying(ex), Screen.ALARM);
				}
				lost = true;
				pause(RETRY_PAUSE);
			}
			catch (RuntimeException ex) {
				logger.debug("Long poll of {} failed", this.room, ex);
				if (current() && !troubled) {
					this.screen.notice("Live messages of #" + TerminalText.line(this.room) + " failed ("
							+ this.errors.sentence(ex) + "). Retrying...", Screen.ALARM);
				}
				troubled = true;
				pause(RETRY_PAUSE);
			}
		}
	}

	private void show(List<Message> messages) {
		for (Message message : messages) {
			if (current()) {
				this.screen.printAbove(this.renderer.render(message, this.username));
			}
		}
	}

	static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
