package dev.rpcchat.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.shell.session.ChatSession;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;

/**
 * One person's shell in a test: the real application context, with a terminal whose
 * screen the test can read.
 */
final class ShellUser implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final ByteArrayOutputStream screen;

	private ShellUser(ConfigurableApplicationContext context) {
		this.context = context;
		this.screen = context.getBean(TestTerminal.class).screen;
	}

	static ShellUser start(URI binderUrl) {
		return start("--chat.binder.url=" + binderUrl);
	}

	/**
	 * A shell with settings of its own, such as a binder URL and what it trusts.
	 */
	static ShellUser start(String... settings) {
		List<String> arguments = new ArrayList<>(List.of(settings));
		arguments.addAll(List.of("--spring.shell.interactive.enabled=false", "--shell.poll-wait=1s"));
		return new ShellUser(
				ShellClientApplication.builder().sources(TestTerminal.class).run(arguments.toArray(String[]::new)));
	}

	/**
	 * Runs a command through Spring Shell's test client.
	 */
	List<String> send(String command) throws Exception {
		ShellTestClient client = new ShellTestClient(this.context.getBean(CommandParser.class),
				this.context.getBean(CommandRegistry.class));
		ShellScreen screen = client.sendCommand(command);
		return screen.lines();
	}

	/**
	 * Runs a command as the shell does for a person, error sentence and exit code
	 * included.
	 */
	Outcome run(String command) {
		StringWriter text = new StringWriter();
		PrintWriter out = new PrintWriter(text);
		int exitCode = this.context.getBean(CommandRunner.class).run(command, out, out);
		return new Outcome(exitCode, text.toString().strip());
	}

	/**
	 * What pressing Tab at the end of the line would offer.
	 */
	List<String> complete(String line) {
		LineReader reader = this.context.getBean(LineReader.class);
		ParsedLine parsed = reader.getParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
		List<Candidate> candidates = new ArrayList<>();
		this.context.getBean(CommandCompleter.class).complete(reader, parsed, candidates);
		return candidates.stream().map(Candidate::value).toList();
	}

	/**
	 * Whether pressing Enter after this line runs it, rather than asking for more (an
	 * open quote).
	 */
	boolean lineIsComplete(String line) {
		LineReader reader = this.context.getBean(LineReader.class);
		try {
			reader.getParser().parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE);
			return true;
		}
		catch (EOFError ex) {
			return false;
		}
	}

	ChatShell shell() {
		return this.context.getBean(ChatShell.class);
	}

	ChatSession session() {
		return this.context.getBean(ChatSession.class);
	}

	/**
	 * Starts printing messages live, as an interactive shell does after signing in.
	 */
	void startLive() {
		session().startLive();
	}

	/**
	 * Whether the live feed of a room is running, as {@code whoami} says.
	 */
	boolean isLive(String room) {
		return session().liveRooms().stream().anyMatch(room::equalsIgnoreCase);
	}

	/**
	 * What was printed above the prompt so far.
	 */
	String screen() {
		return this.screen.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.context.close();
	}

	record Outcome(int exitCode, String output) {

	}

	@Configuration(proxyBeanMethods = false)
	static class TestTerminal {

		private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

		@Bean
		TerminalCustomizer testTerminal() {
			return (builder) -> builder.system(false)
				.dumb(true)
				.type("dumb")
				.streams(new ByteArrayInputStream(new byte[0]), this.screen);
		}

	}

}
