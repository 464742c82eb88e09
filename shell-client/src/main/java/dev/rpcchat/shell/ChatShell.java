package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.shell.command.ShellCommands;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.console.TerminalText;
import dev.rpcchat.shell.session.ChatSession;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.autoconfigure.SpringShellProperties;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * Runs the shell: signs the person in, runs commands (typed at the prompt, or given as
 * the program's arguments by a script), and signs out at the end. It replaces Spring
 * Shell's runner because a chat shell must sign in before the first command and out after
 * the last, however it ends, must give scripts an exit code per failure and check every
 * argument before running any (see {@link ScriptArguments}), and must print each failure
 * as one sentence, where Spring Shell's runner starts reading commands at once, joins the
 * arguments into one line and prints its own messages.
 */
@Component
class ChatShell implements ApplicationRunner, ExitCodeGenerator {

	private final ChatSession session;

	private final CommandRunner runner;

	private final Screen screen;

	private final ErrorSentences errors;

	private final ShellProperties properties;

	private final ChatBinderProperties binder;

	private final SpringShellProperties shellProperties;

	private volatile int exitCode;

	ChatShell(ChatSession session, CommandRunner runner, Screen screen, ErrorSentences errors,
			ShellProperties properties, ChatBinderProperties binder, SpringShellProperties shellProperties) {
		this.session = session;
		this.runner = runner;
		this.screen = screen;
		this.errors = errors;
		this.properties = properties;
		this.binder = binder;
		this.shellProperties = shellProperties;
	}

	@Override
	public void run(ApplicationArguments args) {
		PrintWriter err = new PrintWriter(System.err, true);
		String username = args.containsOption("username") ? args.getOptionValues("username").get(0)
				: this.properties.username();
		List<String> commands;
		try {
			commands = ScriptArguments.commands(args.getSourceArgs());
		}
		catch (RuntimeException ex) {
			err.println(this.errors.sentence(ex));
			this.exitCode = this.errors.exitCode(ex);
			return;
		}
		if (!commands.isEmpty()) {
			this.exitCode = runScript(username, commands, new PrintWriter(System.out, true), err);
		}
		else if (this.shellProperties.getInteractive().isEnabled()) {
			runInteractive(username);
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/**
	 * Runs commands one after the other, signed in as the given user if one is given, and
	 * stops at the first that fails or at {@code quit}. Every command is read first: if
	 * one is not understood, none runs.
	 * @param username the user to sign in as, or {@code null} to run without one
	 * @param commands the command lines
	 * @param out where command output goes
	 * @param err where error sentences go
	 * @return 0 when all succeeded, else the exit code of the first failure
	 */
	int runScript(String username, List<String> commands, PrintWriter out, PrintWriter err) {
		List<ParsedInput> script = new ArrayList<>();
		try {
			for (String command : commands) {
				script.add(this.runner.parse(command));
			}
		}
		catch (RuntimeException ex) {
			err.println(this.errors.sentence(ex));
			return this.errors.exitCode(ex);
		}
		try {
			if (username != null && !username.isBlank()) {
				this.session.signIn(username.strip());
			}
			for (ParsedInput command : script) {
				if (command.commandName().equals(ShellCommands.QUIT)) {
					return 0;
				}
				int code = this.runner.run(command, true, out, err);
				if (code != 0) {
					return code;
				}
			}
			return 0;
		}
		catch (RuntimeException ex) {
			err.println(this.errors.sentence(ex));
			return this.errors.exitCode(ex);
		}
		finally {
			this.session.signOut();
		}
	}

	/**
	 * Signs in, asking for a name until one is accepted; a server that cannot be reached
	 * is retried when the person presses Enter.
	 * @param given the name to try first, or {@code null} to ask at once
	 * @param input reads one line after a prompt, {@code null} at the end of input
	 * @param out where sentences go
	 * @return whether the person is signed in, {@code false} when input ended
	 */
	boolean signIn(String given, LineInput input, PrintWriter out) {
		String name = given;
		while (true) {
			if (name == null || name.isBlank()) {
				name = input.readLine("Your name: ");
				if (name == null) {
					return false;
				}
				continue;
			}
			try {
				String registered = TerminalText.line(this.session.signIn(name.strip()));
				out.println("Signed in as " + registered + ". Type `help` for the commands, `quit` to leave.");
				out.flush();
				return true;
			}
			catch (ChatException ex) {
				out.println(this.errors.sentence(ex));
				if (ex.errorCode() == ErrorCode.USERNAME_TAKEN || ex.errorCode() == ErrorCode.INVALID_NAME) {
					name = null;
				}
				else if (!pressEnter(input, out)) {
					return false;
				}
			}
			catch (RuntimeException ex) {
				out.println(this.errors.sentence(ex));
				if (!pressEnter(input, out)) {
					return false;
				}
			}
		}
	}

	private boolean pressEnter(LineInput input, PrintWriter out) {
		out.flush();
		return input.readLine("Press Enter to try again, Ctrl-D to quit. ") != null;
	}

	private void runInteractive(String username) {
		LineReader reader = this.screen.lineReader();
		PrintWriter out = this.screen.terminal().writer();
		out.println(this.screen.format(new AttributedStringBuilder().styled(AttributedStyle.BOLD, "rpc-chat")
			.append(" - binder at " + this.binder.url())
			.toAttributedString()));
		LineInput input = (prompt) -> readLine(reader, prompt);
		if (!signIn(username, input, out)) {
			return;
		}
		this.session.startLive();
		try {
			readCommands(reader, out);
		}
		finally {
			if (this.session.signOut()) {
				out.println("Signed out. Bye!");
				out.flush();
			}
		}
	}

	private void readCommands(LineReader reader, PrintWriter out) {
		while (true) {
			String line;
			try {
				line = reader.readLine(prompt());
			}
			catch (UserInterruptException ex) {
				if (ex.getPartialLine() == null || ex.getPartialLine().isBlank()) {
					return;
				}
				continue;
			}
			catch (EndOfFileException ex) {
				return;
			}
			if (line.isBlank()) {
				continue;
			}
			ParsedInput command;
			try {
				command = this.runner.parse(line);
			}
			catch (RuntimeException ex) {
				out.println(this.errors.sentence(ex));
				out.flush();
				continue;
			}
			if (command.commandName().equals(ShellCommands.QUIT)) {
				return;
			}
			this.runner.run(command, false, out, out);
		}
	}

	private String prompt() {
		String user = this.session.signedInUser().map(TerminalText::line).orElse("");
		String room = this.session.currentRoom().map((name) -> " #" + TerminalText.line(name)).orElse("");
		AttributedString prompt = new AttributedStringBuilder()
			.styled(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), user)
			.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE), room)
			.append("> ")
			.toAttributedString();
		return this.screen.format(prompt);
	}

	private static String readLine(LineReader reader, String prompt) {
		try {
			return reader.readLine(prompt);
		}
		catch (UserInterruptException | EndOfFileException ex) {
			return null;
		}
	}

	/**
	 * Reads one line of input after a prompt.
	 */
	@FunctionalInterface
	interface LineInput {

		/**
		 * Reads a line.
		 * @param prompt what to show first
		 * @return the line, or {@code null} at the end of input
		 */
		String readLine(String prompt);

	}

}
