package dev.rpcchat.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real {@code bash}, in which a document's commands run one after the other, as a
 * reader pastes them into one terminal: variables set by one command are there for the
 * next.
 */
final class ExampleShell implements AutoCloseable {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String DONE = "<<<example-done>>> ";

	private final Process bash;

	private final Writer input;

	private final BlockingQueue<String> output = new LinkedBlockingQueue<>();

	private final Path errors;

	private final AtomicInteger commands = new AtomicInteger();

	private ExampleShell(Process bash, Path errors) {
		this.bash = bash;
		this.input = bash.outputWriter(StandardCharsets.UTF_8);
		this.errors = errors;
		Thread reader = new Thread(this::read, "example-shell-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts a {@code bash} without profile or rc files, in a directory of its own.
	 * @param directory its working directory (and {@code HOME})
	 * @return the shell
	 */
	static ExampleShell start(Path directory) {
		try {
			Files.createDirectories(directory);
			Path errors = directory.resolve("stderr.txt");
			ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc").directory(directory.toFile())
				.redirectError(errors.toFile());
			builder.environment().put("HOME", directory.toString());
			builder.environment().put("LC_ALL", "C.UTF-8");
			return new ExampleShell(builder.start(), errors);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start bash", ex);
		}
	}

	private void read() {
		try (BufferedReader reader = this.bash.inputReader(StandardCharsets.UTF_8)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				this.output.add(line);
			}
		}
		catch (IOException ex) {
			// bash ended
		}
	}

	/**
	 * Runs a command and waits for it to end.
	 * @param command the command, as a reader pastes it
	 * @return what it printed on its standard output, and its exit status
	 */
	Result run(String command) {
		String marker = DONE + this.commands.incrementAndGet();
		try {
			this.input.write(command + "\n");
			this.input.write("printf '\\n" + marker + " %d\\n' \"$?\"\n");
			this.input.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("bash is gone", ex);
		}
		StringBuilder printed = new StringBuilder();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		try {
			while (true) {
				String line = this.output.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (line == null) {
					throw new AssertionError("The command did not end within " + PATIENCE + ": " + command
							+ "\nso far it printed: " + printed);
				}
				if (line.startsWith(marker + " ")) {
					String text = printed.toString();
					// the marker's own leading newline
					text = text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text;
					return new Result(text.strip(), Integer.parseInt(line.substring(marker.length() + 1)));
				}
				printed.append(line).append('\n');
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the commands wrote on standard error so far.
	 * @return the text
	 */
	String errors() {
		try {
			return Files.readString(this.errors, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		this.bash.destroyForcibly();
	}

	/**
	 * How a command went.
	 *
	 * @param printed its standard output, without surrounding blank space
	 * @param status its exit status
	 */
	record Result(String printed, int status) {

	}

}
