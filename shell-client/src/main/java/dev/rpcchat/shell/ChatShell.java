package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.shell.console.ErrorSentences;
import dev.rpcchat.shell.console.Screen;
import dev.rpcchat.shell.session.ChatSession;
import dev.rpcchat.shell.session.LiveMessages;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.autoconfigure.SpringShellProperties;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * Runs the shell: signs the person in, reads commands (from the terminal, or from the
 * program's arguments for scripts), runs them through Spring Shell's command registry,
 * and signs out at the end.
 */
@Component
class ChatShell implements ApplicationRunner, ExitCodeGenerator {

	private final ChatSession session;

	private final LiveMessages live;

	private final Screen screen;

	private final CommandParser parser;

	private final CommandRegistry registry;

	private final ErrorSentences errors;

	private final ShellProperties properties;

	private final SpringShellProperties shellProperties;

	private final CommandExecutor executor;

	private volatile int exitCode;

	ChatShell(ChatSession session, LiveMessages live, Screen screen, CommandParser parser, CommandRegistry registry,
			ErrorSentences errors, ShellProperties properties, SpringShellProperties shellProperties) {
		this.session = session;
		this.live = live;
		this.screen = screen;
		this.parser = parser;
		this.registry = registry;
		this.errors = errors;
		this.properties = properties;
		this.shellProperties = shellProperties;
		this.executor = new CommandExecutor(registry);
	}

	@Override
	public void run(ApplicationArguments args) {
		String username = args.containsOption("username") ? args.getOptionValues("username").get(0)
				: this.properties.username();
		List<String> commands = commands(args.getNonOptionArgs());
		if (!commands.isEmpty()) {
			PrintWriter out = new PrintWriter(System.out, true);
			PrintWriter err = new PrintWriter(System.err, true);
			this.exitCode = runScript(username, commands, out, err);
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
	 * stops at the first that fails.
	 * @param username the user to sign in as, or {@code null} to run without one
	 * @param commands the command lines
	 * @param out where command output goes
	 * @param err where error sentences go
	 * @return 0 when all succeeded, else the exit code of the first failure
	 */
	int runScript(String username, List<String> commands, PrintWriter out, PrintWriter err) {
		try {
			if (username != null && !username.isBlank()) {
				this.session.signIn(username.trim());
			}
			for (String command : commands) {
				int code = execute(command, out, err);
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
	 * Runs one command line and prints its output, or one sentence saying why it failed.
	 * @param line the command line, such as {@code join geral}
	 * @param out where command output goes
	 * @param err where the error sentence goes
	 * @return 0 on success, else an exit code of {@link ErrorSentences}
	 */
	int execute(String line, PrintWriter out, PrintWriter err) {
		try {
			ParsedInput input = this.parser.parse(line.trim());
			CommandContext context = new CommandContext(input, this.registry, out, new InputReader() {
			});
			ExitStatus status = this.executor.execute(context);
			if (status.code() > 0) {
				err.println(status.description());
			}
			return (status.code() >= 0) ? status.code() : ErrorSentences.USAGE;
		}
		catch (RuntimeException ex) {
			err.println(this.errors.sentence(ex));
			return this.errors.exitCode(ex);
		}
		finally {
			out.flush();
			err.flush();
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
				String registered = this.session.signIn(name.trim());
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
			.append(" - binder at " + this.properties.binder().url())
			.toAttributedString()));
		LineInput input = (prompt) -> readLine(reader, prompt);
		if (!signIn(username, input, out)) {
			return;
		}
		this.live.start();
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
			String command = line.trim();
			if (command.equalsIgnoreCase("quit") || command.equalsIgnoreCase("exit")) {
				return;
			}
			if (!command.isEmpty()) {
				execute(command, out, out);
			}
		}
	}

	private String prompt() {
		String user = this.session.signedInUser().orElse("");
		String room = this.session.currentRoom().map((name) -> "#" + name).orElse("");
		AttributedString prompt = new AttributedStringBuilder()
			.styled(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), user)
			.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE), room.isEmpty() ? "" : " " + room)
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
	 * The commands given as arguments: all of them form one line, in which {@code ;}
	 * separates commands.
	 */
	static List<String> commands(List<String> args) {
		String line = String.join(" ", args);
		return Arrays.stream(line.split(";")).map(String::trim).filter((command) -> !command.isEmpty()).toList();
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
