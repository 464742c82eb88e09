package dev.rpcchat.shell.command;

import java.util.List;

import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.console.TerminalText;
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

	private final Screen screen;

	UserCommands(ChatSession session, ChatConnection connection, Screen screen) {
		this.session = session;
		this.connection = connection;
		this.screen = screen;
	}

	@Command(name = "whoami", group = "You",
			description = "Show who you are signed in as, your rooms, and the chat server and binder in use.")
	public String whoami() {
		String user = TerminalText.line(this.session.username());
		List<String> rooms = this.session.joinedRooms().stream().map((room) -> "#" + TerminalText.line(room)).toList();
		String current = this.session.currentRoom().map((room) -> "#" + TerminalText.line(room)).orElse("none");
		List<String> live = this.session.liveRooms().stream().map((room) -> "#" + TerminalText.line(room)).toList();
		String server = this.connection.server().map(Object::toString).orElse("not looked up yet");
		return this.screen
			.format("You are " + user + ".\nRooms: " + list(rooms) + " (current: " + current + ").\nLive messages: "
					+ list(live) + ".\nChat server: " + server + "\nBinder: " + this.connection.locator().binderUrl());
	}

	private static String list(List<String> items) {
		return items.isEmpty() ? "none" : String.join(", ", items);
	}

}
