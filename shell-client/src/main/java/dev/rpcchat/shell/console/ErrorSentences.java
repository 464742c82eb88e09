package dev.rpcchat.shell.console;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.shell.connection.RpcErrorException;
import dev.rpcchat.shell.connection.SecureConnectionException;
import dev.rpcchat.shell.connection.ServiceUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The one place where a failure becomes one sentence for the person and an exit status
 * for scripts; never a stack trace. Whatever a sentence quotes (names, words the server
 * sent back) is shown through {@link TerminalText}.
 */
@Component
public class ErrorSentences {

	/** The server refused the request. */
	public static final int REFUSED = 1;

	/** The command was not understood or cannot run in this state. */
	public static final int USAGE = 2;

	/** The binder or the chat server could not be reached. */
	public static final int UNREACHABLE = 3;

	/** Anything else. */
	public static final int FAILED = 4;

	private static final Logger logger = LoggerFactory.getLogger(ErrorSentences.class);

	/**
	 * The exit code for a failure: {@link #REFUSED}, {@link #USAGE}, {@link #UNREACHABLE}
	 * or {@link #FAILED}.
	 * @param failure what went wrong
	 * @return the exit code
	 */
	public int exitCode(Throwable failure) {
		return switch (unwrap(failure)) {
			case ChatException ex -> REFUSED;
			case RpcErrorException ex -> REFUSED;
			case ServiceUnreachableException ex -> UNREACHABLE;
			case SecureConnectionException ex -> UNREACHABLE;
			case UsageException ex -> USAGE;
			case CommandNotFoundException ex -> USAGE;
			case IllegalArgumentException ex -> USAGE;
			default -> FAILED;
		};
	}

	/**
	 * One readable sentence for a failure.
	 * @param failure what went wrong
	 * @return the sentence
	 */
	public String sentence(Throwable failure) {
		return TerminalText.line(describe(unwrap(failure)));
	}

	private String describe(Throwable cause) {
		return switch (cause) {
			case ChatException ex -> chatError(ex);
			case ServiceUnreachableException ex -> unreachable(ex);
			case SecureConnectionException ex -> insecure(ex);
			case UsageException ex -> usage(ex);
			case RpcErrorException ex -> "The server did not accept that request (" + ex.getMessage() + ").";
			case CommandNotFoundException ex ->
				"Unknown command '" + ex.getCommandName() + "'. Type `help` to list them.";
			case IllegalArgumentException ex when ex.getMessage() != null -> ex.getMessage();
			default -> unexpected(cause);
		};
	}

	private String chatError(ChatException ex) {
		Map<String, Object> details = ex.details();
		String room = text(details, "room_name");
		String user = text(details, "username");
		return switch (ex.errorCode()) {
			case USERNAME_TAKEN -> "The name '" + user + "' is taken. Pick another one.";
			case INVALID_NAME -> invalidName(details);
			case ROOM_EXISTS -> "A room named '" + room + "' already exists. Join it with `join " + room + "`.";
			case ROOM_NOT_FOUND -> "No room named '" + room + "'. Try `rooms`.";
			case NOT_IN_ROOM -> "You are not in room '" + room + "'. Join it first with `join " + room + "`.";
			case RECIPIENT_NOT_IN_ROOM ->
				"'" + text(details, "recipient") + "' is not in room '" + room + "'. Try `users " + room + "`.";
			case INVALID_MESSAGE ->
				"A message must not be blank or longer than the server allows" + maxLength(details) + ".";
			case UNAUTHORIZED ->
				"Your session has ended (signed out or idle too long). Restart the shell to sign in again.";
			case RATE_LIMITED -> "You are sending too fast. Try again in " + retryAfter(details) + ".";
			case WEBSOCKET_REQUIRED -> "That works only on a WebSocket connection to the chat server.";
			case STORE_UNAVAILABLE -> "The chat server cannot reach its store just now. Try again shortly.";
			case SERVER_FULL -> "The chat server is full (too many users or rooms). Try again later.";
			case PROCEDURE_NOT_FOUND ->
				"No chat server is registered with the binder. Start one (./rpc-chat does) " + "and try again.";
			case INVALID_ENDPOINT -> "The binder refused an endpoint as invalid.";
		};
	}

	private String invalidName(Map<String, Object> details) {
		boolean room = details.containsKey("room_name");
		String name = text(details, room ? "room_name" : "username");
		return "'" + name + "' is not a valid " + (room ? "room" : "user") + " name: use 1 to " + (room ? 64 : 32)
				+ " letters, digits, '_', '-' or '.'.";
	}

	private String maxLength(Map<String, Object> details) {
		Object max = details.get("max_length");
		return (max != null) ? " (" + max + " characters)" : "";
	}

	private String retryAfter(Map<String, Object> details) {
		if (details.get("retry_after_ms") instanceof Number millis) {
			return Math.max(1, (millis.longValue() + 999) / 1000) + " s";
		}
		return "a moment";
	}

	/**
	 * The line a script prints when the server kept saying "too fast".
	 * @param waits how many times it waited
	 * @param waited how long it waited in all
	 * @return one sentence
	 */
	public String gaveUpWaiting(int waits, Duration waited) {
		return "The server still says you are sending too fast, after waiting " + waits + " times ("
				+ Math.max(1, waited.toSeconds()) + " s in all); giving up.";
	}

	/**
	 * The line that says calls moved to another chat server.
	 * @param from the server that stopped answering
	 * @param to the server calls go to now
	 * @return one sentence
	 */
	public String failover(URI from, URI to) {
		return "The chat server at " + from.getAuthority() + " stopped answering; continuing through "
				+ to.getAuthority() + ".";
	}

	/**
	 * The line a live feed prints when it lost its server and will try again.
	 * @param ex why its long poll failed, at the server the binder named last
	 * @return one sentence
	 */
	public String feedRetrying(ServiceUnreachableException ex) {
		if (ex.service() == ServiceUnreachableException.Service.CHAT_SERVER) {
			return "The chat server at " + ex.url().getAuthority()
					+ " stopped answering, and the binder knows no other. Retrying...";
		}
		return unreachable(ex) + " Retrying...";
	}

	private String unreachable(ServiceUnreachableException ex) {
		return switch (ex.service()) {
			case BINDER -> (ex.connectFailed() ? "Cannot reach " : "No answer in time from ") + "the binder at "
					+ ex.url() + ". Is it running? (./rpc-chat starts one.) Try again in a moment.";
			case CHAT_SERVER -> ex.connectFailed()
					? "Cannot reach the chat server at " + ex.url().getAuthority()
							+ ", and the binder knows no other. Try again in a moment."
					: "The chat server at " + ex.url().getAuthority()
							+ " stopped answering before it said whether this was done. Check, then try again.";
		};
	}

	private String insecure(SecureConnectionException ex) {
		String where = ex.service().label() + " at " + ex.url();
		return switch (ex.problem()) {
			case NEEDS_HTTPS -> Character.toUpperCase(where.charAt(0)) + where.substring(1) + " speaks HTTPS only: use "
					+ ex.url().toString().replaceFirst("(?i)^http:", "https:") + " (chat.binder.url).";
			case UNTRUSTED_CERTIFICATE -> "Cannot connect securely to " + where
					+ ": its certificate is not one this shell trusts. If it is your own, trust it with "
					+ "--chat.tls.trust-bundle (README.md, \"Running with TLS\").";
			case WRONG_NAME ->
				"Cannot connect securely to " + where + ": its certificate is not made for " + ex.url().getHost() + ".";
			case HANDSHAKE_FAILED -> "Cannot connect securely to " + where
					+ ": no HTTPS there (is it plain http://?), or the handshake failed.";
		};
	}

	private String usage(UsageException ex) {
		return switch (ex.problem()) {
			case NOT_SIGNED_IN -> "Sign in first: start the shell with --username=NAME.";
			case NO_CURRENT_ROOM -> "No current room: join one first (`join ROOM`), or name the room in the command.";
			case EMPTY_MESSAGE -> "Type the message after `send`, for example: send hello everyone";
			case EMPTY_LINE -> "Type a command, or `help` to list them.";
			case UNCLOSED_QUOTE -> "A \" in the line is never closed; close it, or leave it out.";
			case UNKNOWN_OPTION -> "`" + ex.command() + "` has no option " + ex.word() + ". Usage: " + ex.usage();
			case OPTION_TWICE -> "Option " + ex.word() + " is given twice. Usage: " + ex.usage();
			case OPTION_NEEDS_VALUE -> "Option " + ex.word() + " needs a value. Usage: " + ex.usage();
			case OPTION_TAKES_NO_VALUE -> "Option " + ex.word() + " takes no value. Usage: " + ex.usage();
			case EXTRA_WORDS ->
				"Too many words for `" + ex.command() + "`: '" + ex.word() + "' is left over. Usage: " + ex.usage();
			case MISSING_ARGUMENT -> "Missing " + ex.word() + " for `" + ex.command() + "`. Usage: " + ex.usage();
			case NOT_A_SETTING -> "'" + ex.word() + "' is not a setting (settings are written --name=value, such as "
					+ "--username=ana). Put a command and its options in one argument, in quotes: "
					+ "'send --to bob hi'.";
		};
	}

	private String unexpected(Throwable cause) {
		logger.debug("Unexpected failure", cause);
		String detail = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return "Something went wrong: " + detail + ".";
	}

	private static String text(Map<String, Object> details, String key) {
		Object value = details.get(key);
		return (value != null) ? value.toString() : "?";
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof InvocationTargetException || current instanceof CommandExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
