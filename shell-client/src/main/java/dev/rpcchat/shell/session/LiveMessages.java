package dev.rpcchat.shell.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.Message;
import dev.rpcchat.shell.ShellProperties;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.console.MessageRenderer;
import dev.rpcchat.shell.console.Screen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Live delivery for the signed-in user: a {@link RoomFeed} per followed room, and a
 * heartbeat while none polls. Only {@link ChatSession}, which owns who is signed in and
 * which rooms they are in, tells it what to follow.
 */
@Component
class LiveMessages {

	private static final Logger logger = LoggerFactory.getLogger(LiveMessages.class);

	private final ChatConnection connection;

	private final Screen screen;

	private final MessageRenderer renderer;

	private final ErrorSentences errors;

	private final ShellProperties properties;

	private final Map<String, RoomFeed> feeds = new ConcurrentHashMap<>();

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
	}

	/**
	 * Follows rooms for this user from now on; nothing is printed until {@link #start}.
	 * @param username the signed-in user
	 */
	void signedIn(String username) {
		this.username = username;
	}

	/**
	 * Starts printing new messages of every followed room as they arrive, and the
	 * heartbeat.
	 */
	synchronized void start() {
		if (this.running || this.username == null) {
			return;
		}
		this.running = true;
		this.feeds.values().forEach(RoomFeed::start);
		this.heartbeat = Thread.ofVirtual().name("heartbeat").start(this::keepAlive);
	}

	/**
	 * Stops every long poll and the heartbeat, and forgets the followed rooms and the
	 * user.
	 */
	synchronized void stop() {
		this.running = false;
		this.feeds.values().forEach(RoomFeed::stop);
		this.feeds.clear();
		this.username = null;
		if (this.heartbeat != null) {
			this.heartbeat.interrupt();
			this.heartbeat = null;
		}
	}

	synchronized void follow(String room) {
		RoomFeed feed = this.feeds.computeIfAbsent(key(room), (key) -> feed(room));
		if (this.running) {
			feed.start();
		}
	}

	synchronized void unfollow(String room) {
		RoomFeed feed = this.feeds.remove(key(room));
		if (feed != null) {
			feed.stop();
		}
	}

	/**
	 * The followed rooms whose long poll runs.
	 * @return the rooms, as followed
	 */
	List<String> live() {
		return this.feeds.values().stream().filter(RoomFeed::polling).map(RoomFeed::room).sorted().toList();
	}

	/**
	 * Fetches what arrived in a room and has not been shown yet, without waiting.
	 * @param room the room
	 * @return the new messages from others, oldest first
	 */
	List<Message> receiveNow(String room) {
		return this.feeds.getOrDefault(key(room), feed(room)).receiveNow();
	}

	private RoomFeed feed(String room) {
		return new RoomFeed(room, this.username, this::chat, this.screen, this.renderer, this.errors,
				this.properties.pollWait());
	}

	private ChatService chat() {
		return this.connection.chat();
	}

	private void keepAlive() {
		while (this.running && RoomFeed.pause(this.properties.heartbeatInterval())) {
			String name = this.username;
			if (name != null && this.feeds.values().stream().noneMatch(RoomFeed::polling)) {
				try {
					chat().heartbeat(name);
				}
				catch (RuntimeException ex) {
					logger.debug("Heartbeat failed: {}", ex.getMessage());
					this.screen.notice(this.errors.sentence(ex), Screen.ALARM);
				}
			}
		}
	}

	private static String key(String room) {
		return room.toLowerCase(Locale.ROOT);
	}

}
