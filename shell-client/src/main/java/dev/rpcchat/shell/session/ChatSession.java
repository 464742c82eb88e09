package dev.rpcchat.shell.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.JoinedRoom;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.UsageException;
import dev.rpcchat.shell.console.UsageException.Problem;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Who the person is signed in as, which rooms they are in, and which one is current; it
 * owns the live delivery of those rooms' messages ({@link LiveMessages}), which follows
 * what it is told here and knows nothing of the session.
 */
@Component
public class ChatSession {

	private static final Logger logger = LoggerFactory.getLogger(ChatSession.class);

	private final ChatConnection connection;

	private final LiveMessages live;

	private final Map<String, String> rooms = new LinkedHashMap<>();

	private volatile String username;

	private volatile String currentRoom;

	ChatSession(ChatConnection connection, LiveMessages live) {
		this.connection = connection;
		this.live = live;
	}

	/**
	 * Registers the name with the chat server and keeps its token for the calls that
	 * follow.
	 * @param name the name to register
	 * @return the name as registered
	 */
	public String signIn(String name) {
		RegisteredUser user = chat().registerUser(name);
		this.connection.useToken(user.token());
		this.username = user.username();
		this.live.signedIn(user.username());
		return user.username();
	}

	/**
	 * Stops live delivery and unregisters the user, which leaves every room; quietly does
	 * nothing when nobody is signed in.
	 * @return whether a user was signed out
	 */
	public boolean signOut() {
		String name = this.username;
		this.live.stop();
		if (name == null) {
			return false;
		}
		this.username = null;
		try {
			chat().unregisterUser(name);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not unregister {}: {}", name, ex.getMessage());
		}
		this.connection.forgetToken();
		synchronized (this.rooms) {
			this.rooms.clear();
		}
		this.currentRoom = null;
		return true;
	}

	/**
	 * Starts printing the messages of every joined room above the prompt as they arrive,
	 * and of each room joined later; an interactive shell does, a script does not.
	 */
	public void startLive() {
		this.live.start();
	}

	/**
	 * The joined rooms whose messages arrive live now.
	 * @return the rooms
	 */
	public List<String> liveRooms() {
		return this.live.live();
	}

	/**
	 * Fetches what arrived in a joined room and was not shown yet, without waiting.
	 * @param room the room
	 * @return the new messages from others, oldest first
	 */
	public List<Message> receiveNow(String room) {
		username();
		return this.live.receiveNow(room);
	}

	@PreDestroy
	void close() {
		signOut();
	}

	/**
	 * The signed-in user.
	 * @return the username as registered
	 * @throws UsageException when nobody is signed in
	 */
	public String username() {
		String name = this.username;
		if (name == null) {
			throw new UsageException(Problem.NOT_SIGNED_IN);
		}
		return name;
	}

	public Optional<String> signedInUser() {
		return Optional.ofNullable(this.username);
	}

	/**
	 * Joins a room, makes it the current one and follows it live.
	 * @param room the room's name, in any case
	 * @return the users in the room and its last messages
	 */
	public JoinedRoom join(String room) {
		JoinedRoom joined = chat().joinRoom(username(), room);
		synchronized (this.rooms) {
			this.rooms.put(key(joined.roomName()), joined.roomName());
		}
		this.currentRoom = joined.roomName();
		this.live.follow(joined.roomName());
		return joined;
	}

	/**
	 * Leaves a room and stops following it; another joined room becomes current if this
	 * one was.
	 * @param room the room, or {@code null} for the current one
	 * @return the room's name as known
	 */
	public String leave(String room) {
		String name = room(room);
		String user = username();
		// Stop the long poll first, so it does not report the room as left.
		this.live.unfollow(name);
		try {
			chat().leaveRoom(user, name);
		}
		catch (RuntimeException ex) {
			if (isJoined(name)) {
				this.live.follow(name);
			}
			throw ex;
		}
		forget(name);
		return name;
	}

	private void forget(String room) {
		this.live.unfollow(room);
		synchronized (this.rooms) {
			this.rooms.remove(key(room));
			if (this.currentRoom != null && key(this.currentRoom).equals(key(room))) {
				this.currentRoom = this.rooms.values().stream().reduce((first, second) -> second).orElse(null);
			}
		}
	}

	/**
	 * The room a command is about: the one given, in the case it was joined with, or the
	 * current one.
	 * @param room a room name, or {@code null} or blank for the current room
	 * @return the room's name
	 * @throws UsageException when none is given and none is current
	 */
	public String room(String room) {
		if (room != null && !room.isBlank()) {
			synchronized (this.rooms) {
				return this.rooms.getOrDefault(key(room), room);
			}
		}
		String current = this.currentRoom;
		if (current == null) {
			throw new UsageException(Problem.NO_CURRENT_ROOM);
		}
		return current;
	}

	public Optional<String> currentRoom() {
		return Optional.ofNullable(this.currentRoom);
	}

	public List<String> joinedRooms() {
		synchronized (this.rooms) {
			return new ArrayList<>(this.rooms.values());
		}
	}

	public boolean isJoined(String room) {
		synchronized (this.rooms) {
			return this.rooms.containsKey(key(room));
		}
	}

	public ChatService chat() {
		return this.connection.chat();
	}

	private static String key(String room) {
		return room.toLowerCase(Locale.ROOT);
	}

}
