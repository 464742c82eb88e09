package dev.rpcchat.shell.console;

import java.net.URI;

import dev.rpcchat.shell.connection.ChatConnection;
import org.jline.utils.AttributedStyle;

import org.springframework.stereotype.Component;

/**
 * One calm line when the chat server in use stopped answering and calls go on through
 * another: nothing was lost, so it is not an error.
 */
@Component
class FailoverNotice {

	private final Screen screen;

	private final ErrorSentences errors;

	FailoverNotice(ChatConnection connection, Screen screen, ErrorSentences errors) {
		this.screen = screen;
		this.errors = errors;
		connection.locator().onFailover(this::failedOver);
	}

	private void failedOver(URI from, URI to) {
		this.screen.notice(this.errors.failover(from, to), AttributedStyle.DEFAULT);
	}

}
