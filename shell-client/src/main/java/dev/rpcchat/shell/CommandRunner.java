package dev.rpcchat.shell;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.shell.console.ErrorSentences;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * Runs one command line through Spring Shell's registry and prints its output, or one
 * sentence saying why it failed, and gives the exit code. A patient run (a script's)
 * waits out the rate limit: when the server answers 1009 with {@code retry_after_ms}, the
 * command is run again after that long, at most {@value #RATE_LIMIT_RETRIES} times and
 * {@link #RATE_LIMIT_PATIENCE} in all; 1009 means nothing was done, so running it again
 * is safe.
 */
@Component
class CommandRunner {

	/** How many times one command waits out the rate limit before giving up. */
	static final int RATE_LIMIT_RETRIES = 10;

	/** How long one command waits out the rate limit in all before giving up. */
	static final Duration RATE_LIMIT_PATIENCE = Duration.ofSeconds(30);

	private final CommandParser parser;

	private final CommandRegistry registry;

	private final CommandExecutor executor;

	private final ErrorSentences errors;

	CommandRunner(CommandParser parser, CommandRegistry registry, ErrorSentences errors) {
		this.parser = parser;
		this.registry = registry;
		this.executor = new CommandExecutor(registry);
		this.errors = errors;
	}

	/**
	 * Reads a command line.
	 * @param line the line, such as {@code join geral}
	 * @return the command and its arguments
	 * @throws RuntimeException when the line does not name a command or does not fit it
	 */
	ParsedInput parse(String line) {
		return this.parser.parse(line.strip());
	}

	/**
	 * Reads and runs a command line as a person typed it.
	 * @param line the line
	 * @param out where command output goes
	 * @param err where the error sentence goes
	 * @return 0 on success, else an exit code of {@link ErrorSentences}
	 */
	int run(String line, PrintWriter out, PrintWriter err) {
		try {
			return run(parse(line), false, out, err);
		}
		catch (RuntimeException ex) {
			return fail(ex, err);
		}
	}

	/**
	 * Runs a command that was read.
	 * @param input the command
	 * @param patient whether to wait out the rate limit
	 * @param out where command output goes
	 * @param err where the error sentence goes
	 * @return 0 on success, else an exit code of {@link ErrorSentences}
	 */
	int run(ParsedInput input, boolean patient, PrintWriter out, PrintWriter err) {
		int waits = 0;
		Duration waited = Duration.ZERO;
		while (true) {
			try {
				ExitStatus status = this.executor
					.execute(new CommandContext(input, this.registry, out, new InputReader() {
					}));
				if (status.code() != 0) {
					err.println(status.description());
				}
				return (status.code() == 0) ? 0 : ErrorSentences.USAGE;
			}
			catch (RuntimeException ex) {
				Optional<Duration> retryAfter = patient ? retryAfter(ex) : Optional.empty();
				if (retryAfter.isEmpty()) {
					return fail(ex, err);
				}
				if (waits == RATE_LIMIT_RETRIES || waited.plus(retryAfter.get()).compareTo(RATE_LIMIT_PATIENCE) > 0) {
					err.println(this.errors.gaveUpWaiting(waits, waited));
					return this.errors.exitCode(ex);
				}
				waits++;
				waited = waited.plus(retryAfter.get());
				if (!pause(retryAfter.get())) {
					return fail(ex, err);
				}
			}
			finally {
				out.flush();
				err.flush();
			}
		}
	}

	private int fail(RuntimeException ex, PrintWriter err) {
		err.println(this.errors.sentence(ex));
		err.flush();
		return this.errors.exitCode(ex);
	}

	private Optional<Duration> retryAfter(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ChatException ex && ex.errorCode() == ErrorCode.RATE_LIMITED) {
				return (ex.details().get("retry_after_ms") instanceof Number millis)
						? Optional.of(Duration.ofMillis(Math.max(1, millis.longValue()))) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
