package dev.rpcchat.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One of the apps (binder-app, chat-app) run from the executable jar the build made, as a
 * process of its own, on a free port read from its log: what a user runs, with its own
 * class path, {@code application.yml} and JVM, so that tests of other modules do not boot
 * the apps in their JVM.
 * <p>
 * The jar is {@code MODULE/target/MODULE-VERSION-exec.jar} of this repository; the
 * reactor builds it ({@code package}) before the modules whose tests use it, which
 * declare a dependency of type {@code pom} on the app for that order. The app's output
 * goes to a log file under {@code target/app-processes/} of the module under test, which
 * is also its working directory (so no {@code ./config/} of the repository is read). A
 * process never outlives the tests: {@link #close()} stops it, a shutdown hook stops
 * those left when the JVM ends, and the next run kills those a killed JVM left behind.
 */
public final class AppProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private static final Duration STOP = Duration.ofSeconds(30);

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in ");

	private static final Path DIRECTORY = Path.of("target", "app-processes").toAbsolutePath();

	private static final Set<AppProcess> running = ConcurrentHashMap.newKeySet();

	private static final AtomicInteger counter = new AtomicInteger();

	static {
		reapLeftovers();
		Runtime.getRuntime().addShutdownHook(new Thread(AppProcess::stopAll, "app-processes-stopper"));
	}

	private final String name;

	private final Process process;

	private final Path log;

	private final Path pidFile;

	private int port;

	private AppProcess(String name, Process process, Path log, Path pidFile) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.pidFile = pidFile;
	}

	/**
	 * A binder on a free port.
	 * @param arguments more command-line arguments, such as {@code --binder.token=...}
	 * @return the started binder
	 */
	public static AppProcess binder(String... arguments) {
		return of("binder-app").arguments(arguments).start();
	}

	/**
	 * A chat server on a free port.
	 * @param arguments more command-line arguments, such as {@code --chat.binder.url=...}
	 * @return the started chat server
	 */
	public static AppProcess chat(String... arguments) {
		return of("chat-app").arguments(arguments).start();
	}

	/**
	 * Prepares to start an app.
	 * @param module the app's module, such as {@code chat-app}
	 * @return a builder
	 */
	public static Builder of(String module) {
		return new Builder(module);
	}

	/**
	 * The port its web server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Its JSON-RPC endpoint.
	 * @return {@code http://127.0.0.1:PORT/rpc}
	 */
	public URI rpcUrl() {
		return URI.create(baseUrl() + "/rpc");
	}

	/**
	 * Its root.
	 * @return {@code http://127.0.0.1:PORT}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * What it has logged so far.
	 * @return the log's text
	 */
	public String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path logFile() {
		return this.log;
	}

	/**
	 * Stops it the way an operator does ({@code SIGTERM}: a graceful shutdown), killing
	 * it if it has not ended within 30 s.
	 */
	public void stop() {
		end(false);
	}

	/**
	 * Kills it at once ({@code SIGKILL}), as a crash does: nothing is unregistered or
	 * flushed.
	 */
	public void kill() {
		end(true);
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ", port " + this.port + ")";
	}

	private void end(boolean forcibly) {
		if (this.process.isAlive()) {
			if (forcibly) {
				this.process.destroyForcibly();
			}
			else {
				this.process.destroy();
			}
			try {
				if (!this.process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		running.remove(this);
		deleteQuietly(this.pidFile);
	}

	private void awaitStarted(Duration patience) {
		Instant deadline = Instant.now().plus(patience);
		while (true) {
			String text = log();
			Matcher port = PORT.matcher(text);
			if (port.find() && STARTED.matcher(text).find()) {
				this.port = Integer.parseInt(port.group(1));
				return;
			}
			if (!this.process.isAlive()) {
				running.remove(this);
				throw new IllegalStateException(this.name + " ended before it started (exit code "
						+ this.process.exitValue() + "); the end of its log " + this.log + ":\n" + tail(text));
			}
			if (Instant.now().isAfter(deadline)) {
				kill();
				throw new IllegalStateException(this.name + " did not start within " + patience
						+ "; the end of its log " + this.log + ":\n" + tail(text));
			}
			pause();
		}
	}

	/**
	 * Waits until its log holds the given text.
	 * @param text the text
	 * @param patience how long to wait
	 */
	public void awaitLog(String text, Duration patience) {
		Instant deadline = Instant.now().plus(patience);
		while (!log().contains(text)) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError(
						this.name + " did not log '" + text + "' within " + patience + ":\n" + tail(log()));
			}
			pause();
		}
	}

	private static String tail(String text) {
		List<String> lines = text.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void stopAll() {
		List<AppProcess> left = new ArrayList<>(running);
		left.forEach((app) -> app.process.destroy());
		for (AppProcess app : left) {
			try {
				if (!app.process.waitFor(10, TimeUnit.SECONDS)) {
					app.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				app.process.destroyForcibly();
			}
			deleteQuietly(app.pidFile);
		}
	}

	/**
	 * Kills the apps that an earlier test JVM of this module started and could not stop
	 * (it was killed): their pid files are still there.
	 */
	private static void reapLeftovers() {
		if (!Files.isDirectory(DIRECTORY)) {
			return;
		}
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			files.filter((file) -> file.getFileName().toString().endsWith(".pid")).forEach((file) -> {
				readPid(file).flatMap(ProcessHandle::of)
					.filter((handle) -> handle.info().commandLine().orElse("").contains("-exec.jar"))
					.ifPresent(ProcessHandle::destroyForcibly);
				deleteQuietly(file);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Long> readPid(Path file) {
		try {
			return Optional.of(Long.parseLong(Files.readString(file).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a stale pid file is reaped by the next run
		}
	}

	/**
	 * Finds the executable jar of a module of this repository.
	 * @param module such as {@code binder-app}
	 * @return the newest {@code MODULE/target/MODULE-*-exec.jar}
	 * @throws IllegalStateException if there is none, saying how to build it
	 */
	public static Path jar(String module) {
		Path target = root(module).resolve(module).resolve("target");
		try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
			return files
				.filter((file) -> file.getFileName().toString().matches(Pattern.quote(module) + "-.+-exec\\.jar"))
				.max(Comparator.comparing(AppProcess::modified))
				.orElseThrow(() -> new IllegalStateException("There is no " + module + " jar in " + target
						+ ": build it first (./mvnw -B package -DskipTests -pl " + module + " -am), or run these "
						+ "tests through the reactor (./mvnw -B verify), which packages " + module + " before them."));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path root(String module) {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			if (Files.isRegularFile(directory.resolve(module).resolve("pom.xml"))) {
				return directory;
			}
		}
		throw new IllegalStateException("No module " + module + " above " + Path.of("").toAbsolutePath());
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How to start an app: its arguments, JVM options and environment.
	 */
	public static final class Builder {

		private final String module;

		private final List<String> arguments = new ArrayList<>();

		private final List<String> jvmOptions = new ArrayList<>(
				List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));

		private final Map<String, String> environment = new LinkedHashMap<>();

		private Duration startup = STARTUP;

		private Builder(String module) {
			this.module = module;
		}

		/**
		 * Adds command-line arguments. Without a {@code --server.port=...} among them the
		 * app gets {@code --server.port=0}.
		 * @param arguments such as {@code --chat.store=redis}
		 * @return this builder
		 */
		public Builder arguments(String... arguments) {
			this.arguments.addAll(List.of(arguments));
			return this;
		}

		/**
		 * Adds JVM options, after the defaults ({@code -Xmx384m}, C1 only, the serial
		 * GC).
		 * @param options such as {@code -Xmx1g}
		 * @return this builder
		 */
		public Builder jvmOptions(String... options) {
			this.jvmOptions.addAll(List.of(options));
			return this;
		}

		/**
		 * Sets an environment variable of the process, such as {@code BINDER_TOKEN}.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder environment(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		/**
		 * How long it may take to start (default 3 minutes: the machine may be busy).
		 * @param startup the patience
		 * @return this builder
		 */
		public Builder startup(Duration startup) {
			this.startup = startup;
			return this;
		}

		/**
		 * Starts it and waits until it has started and logged its port.
		 * @return the running app
		 * @throws IllegalStateException if it ends or does not start in time, with the
		 * end of its log
		 */
		public AppProcess start() {
			String name = this.module + "-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet();
			Path directory = DIRECTORY.resolve(name);
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(this.jvmOptions);
			command.add("-jar");
			command.add(jar(this.module).toString());
			if (this.arguments.stream().noneMatch((argument) -> argument.startsWith("--server.port="))) {
				command.add("--server.port=0");
			}
			command.addAll(this.arguments);
			try {
				Files.createDirectories(directory);
				Path log = DIRECTORY.resolve(name + ".log");
				ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
					.redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
				builder.environment().putAll(this.environment);
				Process process = builder.start();
				Path pidFile = DIRECTORY.resolve(name + ".pid");
				Files.writeString(pidFile, Long.toString(process.pid()));
				AppProcess app = new AppProcess(name, process, log, pidFile);
				running.add(app);
				app.awaitStarted(this.startup);
				return app;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start " + this.module, ex);
			}
		}

		private static File nullDevice() {
			return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
		}

	}

}
