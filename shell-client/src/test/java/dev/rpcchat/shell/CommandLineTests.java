package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import dev.rpcchat.api.ChatService;
import dev.rpcchat.api.Message;
import dev.rpcchat.api.RegisteredUser;
import dev.rpcchat.shell.ShellUser.Outcome;
import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.shell.console.ErrorSentences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command lines as a person types them, against a real binder and chat server: every word
 * is accounted for, text that starts with {@code -} is text, and unknown options and
 * extra words are refused with a sentence before anything is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineTests {

	private static final String ROOM = "words";

	private ShellUser ivy;

	private ChatService jon;

	@BeforeAll
	void signInAndJoin() {
		this.ivy = ShellUser.start(TestSystem.binderUrl());
		assertThat(this.ivy.shell().signIn("ivy", (prompt) -> null, new PrintWriter(new StringWriter(), true)))
			.isTrue();
		assertThat(this.ivy.run("create-room " + ROOM).exitCode()).isZero();
		assertThat(this.ivy.run("join " + ROOM).exitCode()).isZero();
		ChatConnection connection = ChatConnection.connect(TestSystem.binderUrl(), Duration.ofSeconds(5));
		RegisteredUser user = connection.chat().registerUser("jon");
		connection.useToken(user.token());
		this.jon = connection.chat();
		this.jon.joinRoom("jon", ROOM);
	}

	@AfterAll
	void close() {
		this.ivy.close();
	}

	@Test
	void sendsTextThatStartsWithADashAsText() {
		assertThat(this.ivy.run("send -1 is a number").output()).endsWith("#words you: -1 is a number");
		assertThat(this.ivy.run("send - dash --- and -x").output()).endsWith("you: - dash --- and -x");
		assertThat(this.ivy.run("send -- --to is an option").output()).endsWith("you: --to is an option");
		assertThat(this.ivy.run("send \"--help\" is quoted").output()).endsWith("you: --help is quoted");
		assertThat(lastMessages(4)).extracting(Message::content)
			.containsExactly("-1 is a number", "- dash --- and -x", "--to is an option", "--help is quoted");
	}

	@Test
	void takesOptionsAnywhereOnTheLine() {
		assertThat(this.ivy.run("send --to jon psst").output()).endsWith("you -> jon [private]: psst");
		assertThat(this.ivy.run("send psst again --to=jon").output()).endsWith("you -> jon [private]: psst again");
	}

	@Test
	void refusesAnUnknownOptionWithASentenceAndSendsNothing() {
		long before = lastId();
		Outcome bogus = this.ivy.run("send --bogus x");
		assertThat(bogus.output())
			.isEqualTo("`send` has no option --bogus. Usage: send [--to USER] [--room ROOM] [--] TEXT...");
		assertThat(bogus.exitCode()).isEqualTo(ErrorSentences.USAGE);
		assertThat(this.ivy.run("rooms --all").output()).isEqualTo("`rooms` has no option --all. Usage: rooms");
		assertThat(lastId()).isEqualTo(before);
	}

	@Test
	void refusesExtraWordsInsteadOfDroppingThem() {
		Outcome extra = this.ivy.run("create-room bad name");
		assertThat(extra.output())
			.isEqualTo("Too many words for `create-room`: 'name' is left over. Usage: create-room NAME");
		assertThat(extra.exitCode()).isEqualTo(ErrorSentences.USAGE);
		assertThat(this.ivy.run("rooms").output()).doesNotContain("#bad");
		assertThat(this.ivy.run("join words now").output()).startsWith("Too many words for `join`: 'now'");
		assertThat(this.ivy.run("leave words now").output()).startsWith("Too many words for `leave`: 'now'");
		assertThat(this.ivy.run("users a b").output()).startsWith("Too many words for `users`: 'b'");
		assertThat(this.ivy.run("receive a b").output()).startsWith("Too many words for `receive`: 'b'");
		assertThat(this.ivy.run("whoami please").output()).startsWith("Too many words for `whoami`: 'please'");
		assertThat(this.ivy.run("rooms all of them").output()).startsWith("Too many words for `rooms`: 'all of them'");
		assertThat(this.ivy.run("quit now").output()).startsWith("Too many words for `quit`: 'now'");
		assertThat(this.ivy.run("help send now").output()).startsWith("Too many words for `help`: 'now'");
		assertThat(this.ivy.run("clear screen").output()).startsWith("Too many words for `clear`: 'screen'");
	}

	@Test
	void saysWhatIsMissingOrMalformed() {
		assertThat(this.ivy.run("join").output()).isEqualTo("Missing ROOM for `join`. Usage: join [--create] ROOM");
		assertThat(this.ivy.run("send").output())
			.isEqualTo("Missing TEXT... for `send`. Usage: send [--to USER] [--room ROOM] [--] TEXT...");
		assertThat(this.ivy.run("send hi --to").output())
			.isEqualTo("Option --to needs a value. Usage: send [--to USER] [--room ROOM] [--] TEXT...");
		assertThat(this.ivy.run("send hi --to jon --to ivy").output()).startsWith("Option --to is given twice.");
		assertThat(this.ivy.run("join --create=yes words").output()).startsWith("Option --create takes no value.");
		assertThat(this.ivy.run("send \"unclosed").output())
			.isEqualTo("A \" in the line is never closed; close it, or leave it out.");
	}

	@Test
	void joinsARoomCreatingItWhenAsked() {
		assertThat(this.ivy.run("join fresh-room").output()).isEqualTo("No room named 'fresh-room'. Try `rooms`.");
		assertThat(this.ivy.run("join --create fresh-room").output()).startsWith("Joined #fresh-room");
		assertThat(this.ivy.run("join --create fresh-room").output()).startsWith("Joined #fresh-room");
		assertThat(this.ivy.run("leave fresh-room").exitCode()).isZero();
		assertThat(this.ivy.run("join " + ROOM).exitCode()).isZero();
	}

	@Test
	void helpShowsEachCommandsArgumentsAndOptions() {
		assertThat(this.ivy.run("help join").output()).isEqualTo("""
				join [--create] ROOM
				  Join a room: see who is there and its last messages; it becomes your current room.

				  ROOM       the room to join
				  --create   create the room first if there is none""");
		String send = this.ivy.run("help send").output();
		assertThat(send).startsWith("send [--to USER] [--room ROOM] [--] TEXT...\n")
			.contains("\n  --to USER     send privately to this person, who must be in the room")
			.contains("\n  --room ROOM   send to this joined room instead of the current one")
			.contains("\n  --            ends the options: every word after it is part of TEXT...")
			.doesNotContain("String");
		assertThat(this.ivy.run("send --help").output()).isEqualTo(send);
		assertThat(this.ivy.run("help quit").output()).isEqualTo(
				"""
						quit   (also: exit)
						  Sign out (you leave every room and your name is free again) and close the shell; Ctrl-D does the same.""");
		assertThat(this.ivy.run("help leave").output()).contains("ROOM   the room to leave (optional)");
		assertThat(this.ivy.run("help nothing").output())
			.isEqualTo("Unknown command 'nothing'. Type `help` to list them.");
	}

	@Test
	void helpListsEveryCommandWithHowToWriteItAndOneSentence() {
		List<String> lines = this.ivy.run("help").output().lines().toList();
		assertThat(lines).containsSubsequence("Rooms", "  create-room NAME", "      Create a room.",
				"  join [--create] ROOM", "  leave [ROOM]", "  rooms", "  users [ROOM]", "Messages",
				"  history [--before ID] [--limit N] [ROOM]", "  receive [ROOM]",
				"  send [--to USER] [--room ROOM] [--] TEXT...", "You", "  whoami", "Shell", "  clear",
				"  help [COMMAND]", "  quit");
		List<String> descriptions = lines.stream().filter((line) -> line.startsWith("      ")).toList();
		assertThat(descriptions).hasSize(12).allSatisfy((line) -> assertThat(line).endsWith("."));
	}

	private List<Message> lastMessages(int count) {
		List<Message> all = this.jon.receiveMessages("jon", ROOM, 0, 0L);
		return all.subList(Math.max(0, all.size() - count), all.size());
	}

	private long lastId() {
		List<Message> last = lastMessages(1);
		return last.isEmpty() ? 0 : last.getFirst().id();
	}

}
