package dev.rpcchat.shell.console;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.shell.connection.ServiceUnreachableException;
import dev.rpcchat.shell.connection.ServiceUnreachableException.Service;
import dev.rpcchat.shell.console.UsageException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorSentencesTests {

	private final ErrorSentences errors = new ErrorSentences();

	@Test
	void namesTheMissingRoomAndSuggestsListingRooms() {
		ChatException error = new ChatException(ErrorCode.ROOM_NOT_FOUND, "No such room",
				Map.of("username", "ana", "room_name", "x"));
		assertThat(this.errors.sentence(error)).isEqualTo("No room named 'x'. Try `rooms`.");
	}

	@Test
	void namesTheTakenUsername() {
		ChatException error = new ChatException(ErrorCode.USERNAME_TAKEN, "taken", Map.of("username", "ana"));
		assertThat(this.errors.sentence(error)).isEqualTo("The name 'ana' is taken. Pick another one.");
	}

	@Test
	void saysWhichNameIsInvalidAndWhatIsAllowed() {
		ChatException user = new ChatException(ErrorCode.INVALID_NAME, "bad", Map.of("username", "a b"));
		ChatException room = new ChatException(ErrorCode.INVALID_NAME, "bad",
				Map.of("username", "ana", "room_name", "r/1"));
		assertThat(this.errors.sentence(user)).startsWith("'a b' is not a valid user name: use 1 to 32 letters");
		assertThat(this.errors.sentence(room)).startsWith("'r/1' is not a valid room name: use 1 to 64 letters");
	}

	@Test
	void namesTheRecipientWhoIsNotInTheRoom() {
		ChatException error = new ChatException(ErrorCode.RECIPIENT_NOT_IN_ROOM, "not here",
				Map.of("room_name", "geral", "recipient", "bob"));
		assertThat(this.errors.sentence(error)).isEqualTo("'bob' is not in room 'geral'. Try `users geral`.");
	}

	@Test
	void saysWhenToTryAgainAfterSendingTooFast() {
		ChatException error = new ChatException(ErrorCode.RATE_LIMITED, "slow down", Map.of("retry_after_ms", 1200));
		assertThat(this.errors.sentence(error)).isEqualTo("You are sending too fast. Try again in 2 s.");
	}

	@ParameterizedTest
	@EnumSource(ErrorCode.class)
	void turnsEveryErrorCodeIntoOneSentenceAndExitCodeOne(ErrorCode code) {
		ChatException error = new ChatException(code, "server words", Map.of("room_name", "geral"));
		String sentence = this.errors.sentence(error);
		assertThat(sentence).endsWith(".").doesNotContain("\n").doesNotContain("Exception");
		assertThat(this.errors.exitCode(error)).isEqualTo(ErrorSentences.REFUSED);
	}

	@Test
	void saysTheBinderCannotBeReachedAndWhere() {
		Throwable error = unreachable("http://localhost:5000/rpc", true);
		assertThat(this.errors.sentence(error)).startsWith("Cannot reach the binder at http://localhost:5000/rpc.");
		assertThat(this.errors.exitCode(error)).isEqualTo(ErrorSentences.UNREACHABLE);
	}

	@Test
	void saysACallMayOrMayNotHaveBeenDoneWhenTheChatServerStoppedAnsweringMidway() {
		ServiceUnreachableException error = new ServiceUnreachableException(Service.CHAT_SERVER,
				URI.create("http://127.0.0.1:40001/rpc"), false, new IOException("reset"));
		assertThat(this.errors.sentence(error)).isEqualTo(
				"The chat server at 127.0.0.1:40001 stopped answering before it said whether this was done. Check, then try again.");
		assertThat(this.errors.exitCode(error)).isEqualTo(ErrorSentences.UNREACHABLE);
	}

	@Test
	void saysALiveFeedLostItsServerAndRetries() {
		ServiceUnreachableException error = new ServiceUnreachableException(Service.CHAT_SERVER,
				URI.create("http://127.0.0.1:40001/rpc"), false, new IOException("reset"));
		assertThat(this.errors.feedRetrying(error)).isEqualTo(
				"The chat server at 127.0.0.1:40001 stopped answering, and the binder knows no other. Retrying...");
	}

	@Test
	void saysCallsGoOnThroughAnotherChatServerInOneCalmLine() {
		assertThat(this.errors.failover(URI.create("http://127.0.0.1:40001/rpc"),
				URI.create("http://127.0.0.1:40002/rpc")))
			.isEqualTo("The chat server at 127.0.0.1:40001 stopped answering; continuing through 127.0.0.1:40002.");
	}

	@Test
	void findsTheCauseInsideSpringShellsWrappers() {
		ChatException error = new ChatException(ErrorCode.ROOM_EXISTS, "exists", Map.of("room_name", "geral"));
		Exception wrapped = new CommandExecutionException("Unable to execute command",
				new InvocationTargetException(error));
		assertThat(this.errors.exitCode(wrapped)).isEqualTo(ErrorSentences.REFUSED);
		assertThat(this.errors.sentence(wrapped))
			.isEqualTo("A room named 'geral' already exists. Join it with `join geral`.");
	}

	@Test
	void pointsToHelpForAnUnknownCommand() {
		assertThat(this.errors.sentence(new CommandNotFoundException("jion")))
			.isEqualTo("Unknown command 'jion'. Type `help` to list them.");
	}

	@Test
	void explainsWhatIsMissingBeforeARoomCommand() {
		UsageException error = new UsageException(Problem.NO_CURRENT_ROOM);
		assertThat(this.errors.sentence(error))
			.isEqualTo("No current room: join one first (`join ROOM`), or name the room in the command.");
		assertThat(this.errors.exitCode(error)).isEqualTo(ErrorSentences.USAGE);
	}

	@Test
	void neverShowsAStackTraceForAnUnexpectedFailure() {
		String sentence = this.errors.sentence(new IllegalStateException("boom"));
		assertThat(sentence).isEqualTo("Something went wrong: boom.");
	}

	private static Throwable unreachable(String url, boolean connectFailed) {
		return new ServiceUnreachableException(Service.BINDER, URI.create(url), connectFailed,
				new ConnectException("refused"));
	}

}
