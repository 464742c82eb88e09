package dev.rpcchat.shell.command;

import java.util.List;

import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.session.ChatSession;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * Who the person is and where the shell is connected.
 */
@Component
class UserCommands {

	private final ChatSession session;

	private final ChatConnection connection;

	UserCommands(ChatSession session, ChatConnection connection) {
		this.session = session;
		this.connection = connection;
	}

	@Command(name = "whoami", group = "You", description = "Show who you are signed in as, your rooms and the servers",
			help = "whoami", exitStatusExceptionMapper = ErrorSentences.BEAN_NAME)
	public String whoami() {
		String user = this.session.username();
		List<String> rooms = this.session.joinedRooms();
		String current = this.session.currentRoom().map((room) -> "#" + room).orElse("none");
		String server = this.connection.server().map(Object::toString).orElse("not looked up yet");
		return "You are " + user + ".\nRooms: " + (rooms.isEmpty() ? "none" : "#" + String.join(", #", rooms))
				+ " (current: " + current + ").\nChat server: " + server + "\nBinder: "
				+ this.connection.locator().binderUrl();
	}

}
