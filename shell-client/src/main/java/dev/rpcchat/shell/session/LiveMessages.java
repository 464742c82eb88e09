package dev.rpcchat.shell.session;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.shell.ShellProperties;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.connection.ServiceUnreachableException;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.shell.console.Screen;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Live delivery: one long poll per joined room printing new messages above the prompt,
 * and a heartbeat while no room is joined.
 */
@Component
public class LiveMessages {

	private static final Logger logger = LoggerFactory.getLogger(LiveMessages.class);

	private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

	private final ChatConnection connection;

	private final Screen screen;

	private final MessageRenderer renderer;

	private final ErrorSentences errors;

	private final ShellProperties properties;

	private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

	private volatile String username;

	private volatile boolean running;

	private Thread heartbeat;

	LiveMessages(ChatConnection connection, Screen screen, MessageRenderer renderer, ErrorSentences errors,
			ShellProperties properties) {
		this.connection = connection;
		this.screen = screen;
		this.renderer = renderer;
		this.errors = errors;
		this.properties = properties;
		connection.locator().onFailover(this::failedOver);
	}

	void signedIn(String username) {
		this.username = username;
	}

	/**
	 * Starts printing new messages of every followed room as they arrive, and the
	 * heartbeat.
	 */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.feeds.values().forEach(Feed::start);
		this.heartbeat = Thread.ofVirtual().name("heartbeat").start(this::keepAlive);
	}

	/**
	 * Stops every long poll and the heartbeat, and forgets the followed rooms.
	 */
	public synchronized void stop() {
		this.running = false;
		this.feeds.values().forEach(Feed::stop);
		this.feeds.clear();
		if (this.heartbeat != null) {
			this.heartbeat.interrupt();
			this.heartbeat = null;
		}
	}

	synchronized void follow(String room) {
		Feed feed = this.feeds.computeIfAbsent(key(room), (key) -> new Feed(room));
		if (this.running) {
			feed.start();
		}
	}

	synchronized void unfollow(String room) {
		Feed feed = this.feeds.remove(key(room));
		if (feed != null) {
			feed.stop();
		}
	}

	/**
	 * Whether a long poll is running for a room, printing its new messages.
	 * @param room the room
	 * @return whether the room's live feed is running
	 */
	public boolean isLive(String room) {
		Feed feed = this.feeds.get(key(room));
		return feed != null && feed.polling();
	}

	/**
	 * Fetches what arrived in a room and has not been shown yet, without waiting.
	 * @param room the room
	 * @return the new messages from others, oldest first
	 */
	public List<Message> receiveNow(String room) {
		Feed feed = this.feeds.getOrDefault(key(room), new Feed(room));
		return feed.unseen(chat().receiveMessages(this.username, room, 0, feed.after()));
	}

	private ChatService chat() {
		return this.connection.chat();
	}

	private void keepAlive() {
		while (this.running && pause(this.properties.heartbeatInterval())) {
			String name = this.username;
			if (name != null && this.feeds.values().stream().noneMatch(Feed::polling)) {
				try {
					chat().heartbeat(name);
				}
				catch (RuntimeException ex) {
					logger.debug("Heartbeat failed: {}", ex.getMessage());
					quietNotice(this.errors.sentence(ex));
				}
			}
		}
	}

	/**
	 * One calm line when the chat server in use stopped answering and calls go on through
	 * another: nothing was lost, so it is not an error.
	 */
	private void failedOver(URI from, URI to) {
		try {
			this.screen.printAbove(new AttributedString(this.errors.failover(from, to)));
		}
		catch (Throwable ex) {
			logger.debug("Could not print the failover notice", ex);
		}
	}

	private void notice(String sentence) {
		notice(sentence, AttributedStyle.RED);
	}

	private void notice(String sentence, int color) {
		this.screen.printAbove(new AttributedString(sentence, AttributedStyle.DEFAULT.foreground(color)));
	}

	private void quietNotice(String sentence) {
		try {
			notice(sentence);
		}
		catch (Throwable ex) {
			logger.debug("Could not print '{}'", sentence, ex);
		}
	}

	private static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String key(String room) {
		return room.toLowerCase(Locale.ROOT);
	}

	/**
	 * One followed room: the last message shown, and its long poll while running.
	 */
	private final class Feed {

		private final String room;

		private final AtomicLong lastSeen = new AtomicLong();

		private volatile Thread poller;

		Feed(String room) {
			this.room = room;
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

		/**
		 * The last message shown, as the client's own cursor: a read whose answer was
		 * lost, even on a server that died, is read again from there elsewhere, and 0
		 * means from the join.
		 */
		Long after() {
			return this.lastSeen.get();
		}

		/**
		 * Keeps what was not shown before and was not sent by this user (the shell shows
		 * those when they are sent), and remembers it as shown.
		 */
		List<Message> unseen(List<Message> messages) {
			String me = LiveMessages.this.username;
			return messages.stream()
				.filter((message) -> message.id() > this.lastSeen.getAndAccumulate(message.id(), Math::max))
				.filter((message) -> message.type() == MessageType.SYSTEM || !message.sender().equalsIgnoreCase(me))
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
					quietNotice("Live messages of #" + this.room + " stopped (" + ex + "). Type `join " + this.room
							+ "` to restart them.");
				}
			}
			finally {
				if (this.poller == Thread.currentThread()) {
					this.poller = null;
				}
			}
		}

		private void pollWhileFollowed() {
			int waitSeconds = (int) Math.clamp(LiveMessages.this.properties.pollWait().toSeconds(), 0, 30);
			boolean lost = false;
			boolean troubled = false;
			while (current()) {
				try {
					List<Message> messages = chat().receiveMessages(LiveMessages.this.username, this.room, waitSeconds,
							after());
					if (lost && current()) {
						notice("Connected to the chat server again.", AttributedStyle.GREEN);
					}
					lost = false;
					troubled = false;
					show(unseen(messages));
				}
				catch (ChatException ex) {
					if (current()) {
						notice(LiveMessages.this.errors.sentence(ex));
					}
					if (ex.errorCode() != ErrorCode.RATE_LIMITED) {
						return;
					}
					pause(RETRY_PAUSE);
				}
				catch (ServiceUnreachableException ex) {
					if (current() && !lost) {
						notice(LiveMessages.this.errors.feedRetrying(ex));
					}
					lost = true;
					pause(RETRY_PAUSE);
				}
				catch (RuntimeException ex) {
					logger.debug("Long poll of {} failed", this.room, ex);
					if (current() && !troubled) {
						quietNotice("Live messages of #" + this.room + " failed (" + ex + "). Retrying...");
					}
					troubled = true;
					pause(RETRY_PAUSE);
				}
			}
		}

		private void show(List<Message> messages) {
			String me = LiveMessages.this.username;
			for (Message message : messages) {
				if (current()) {
					LiveMessages.this.screen.printAbove(LiveMessages.this.renderer.render(message, me));
				}
			}
		}

	}

}
