package dev.rpcchat.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The load generator's command line, parsed.
 *
 * @param binder the binder's JSON-RPC endpoint, where the chat server is looked up
 * ({@code http://} or {@code https://})
 * @param target a JSON-RPC endpoint to use instead of asking the binder, or {@code null}
 * @param scenario what the simulated users do
 * @param users how many simulated users (senders, readers or pollers)
 * @param rooms how many rooms the users are spread over
 * @param duration how long the measured phase lasts
 * @param warmup how long the load runs before measuring starts
 * @param rate operations per second in total (open loop), or 0 for closed loop
 * @param history messages put in a room before measuring ({@code receive}, {@code join},
 * {@code history})
 * @param receivers long-polling receivers per room ({@code delivery})
 * @param client which HTTP client the simulated users use
 * @param json whether to print the report as JSON too
 * @param jsonFile where to write the JSON report instead of standard output, or
 * {@code null}
 * @param compareWith JSON reports of earlier runs (the no-op ceiling first) to print
 * every figure as a ratio to
 * @param label the name of this run in the report
 * @param rejoin for {@code join}: join a room the user is already in (no announcement)
 * instead of joining and leaving
 * @param serverPid the process id of the server on this machine, to read the CPU time it
 * spends, or 0
 * @param trust a PEM file of certificates to trust over HTTPS besides the JVM's trust
 * store, or {@code null}
 */
record BenchOptions(URI binder, URI target, Scenario scenario, int users, int rooms, Duration duration, Duration warmup,
		int rate, int history, int receivers, ClientKind client, boolean json, Path jsonFile, List<Path> compareWith,
		String label, boolean rejoin, long serverPid, Path trust) {

	static final String USAGE = """
			usage: java -jar bench-exec.jar [options]
			       java -jar bench-exec.jar --serve-noop [--binder URL] [--server.port=0 ...]
			  --binder URL       binder endpoint, http:// or https:// (default http://localhost:5000/rpc)
			  --target URL       call this JSON-RPC endpoint instead of looking it up in the binder
			  --trust FILE       PEM certificates to trust over HTTPS (and wss://) besides the JVM's trust
			                     store, such as a test certificate of your own
			  --scenario NAME    send | receive | join | history | delivery | longpoll | noop | ws-fanout
			                     | ws-hot | ws-send | ws-receive | max-batch (default send)
			  --users N          simulated users (default 16)
			  --rooms N          rooms the users are spread over (default 1)
			  --duration D       measured time, e.g. 20s, 2m, 500ms (default 20s)
			  --warmup D         load before measuring (default 5s)
			  --rate N           open loop: N operations/s in total, latency from the intended start;
			                     0 = closed loop, as fast as the users can (default 0)
			  --history N        messages put in each room first (receive: 10000, join: 100,
			                     history: 1000000; then the chat-app needs chat.rooms.history-limit above it)
			  --receivers N      long-polling receivers per room for delivery (default 10)
			  --client raw|jdk   raw keep-alive HTTP/1.1 sockets, or java.net.http.HttpClient (default raw)
			  --json [FILE]      also print the report as JSON, to FILE if given
			  --ceiling FILE     JSON report of an earlier run (the noop ceiling): print the figures as
			                     ratios to it; may be given more than once
			  --label TEXT       name of this run in the report (default: the scenario)
			  --join-mode MODE   join: cycle (join, then an untimed leave: each join is announced)
			                     or rejoin (join a room the user is in: no announcement) (default cycle)
			  --server-pid PID   the server's process on this machine: report its CPU time per operation
			  --serve-noop       start the no-op JSON-RPC server (the ceiling) instead
			A call whose server stops answering is looked up again in the binder and made once more at
			another server (a send with the same client_msg_id, a read from its last after_id); the
			report counts these failovers apart from errors. delivery also counts the messages lost,
			stored twice or read twice.
			""";

	BenchOptions {
		Objects.requireNonNull(binder, "binder");
		Objects.requireNonNull(scenario, "scenario");
		Objects.requireNonNull(duration, "duration");
		Objects.requireNonNull(warmup, "warmup");
		Objects.requireNonNull(client, "client");
		require(users > 0, "--users must be positive");
		require(rooms > 0, "--rooms must be positive");
		require(rooms <= users || scenario == Scenario.NOOP, "--rooms must not exceed --users");
		require(!duration.isNegative() && !duration.isZero(), "--duration must be positive");
		require(!warmup.isNegative(), "--warmup must not be negative");
		require(rate >= 0, "--rate must not be negative");
		require(history >= 0, "--history must not be negative");
		require(receivers > 0, "--receivers must be positive");
		require(serverPid >= 0, "--server-pid must not be negative");
		compareWith = List.copyOf(compareWith);
		label = (label != null) ? label : scenario.wireName();
	}

	/**
	 * Parses the command line.
	 * @param args the arguments, {@code --name value} or {@code --name=value}
	 * @return the options, with defaults for what is not given
	 * @throws IllegalArgumentException with a one-line reason when an option is wrong
	 */
	static BenchOptions parse(String... args) {
		URI binder = URI.create("http://localhost:5000/rpc");
		URI target = null;
		Scenario scenario = Scenario.SEND;
		int users = 16;
		int rooms = 1;
		Duration duration = Duration.ofSeconds(20);
		Duration warmup = Duration.ofSeconds(5);
		int rate = 0;
		Integer history = null;
		int receivers = 10;
		ClientKind client = ClientKind.RAW;
		boolean json = false;
		Path jsonFile = null;
		List<Path> compareWith = new ArrayList<>();
		String label = null;
		long serverPid = 0;
		boolean rejoin = false;
		Path trust = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'");
			}
			int equals = arg.indexOf('=');
			String name = (equals >= 0) ? arg.substring(2, equals) : arg.substring(2);
			String inline = (equals >= 0) ? arg.substring(equals + 1) : null;
			if (name.equals("json")) {
				json = true;
				if (inline != null) {
					jsonFile = Path.of(inline);
				}
				else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
					jsonFile = Path.of(args[++i]);
				}
				continue;
			}
			if (inline == null && i + 1 >= args.length) {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
			String value = (inline != null) ? inline : args[++i];
			switch (name) {
				case "binder" -> binder = uri(name, value);
				case "target" -> target = uri(name, value);
				case "scenario" -> scenario = Scenario.of(value);
				case "users" -> users = integer(name, value);
				case "rooms" -> rooms = integer(name, value);
				case "duration" -> duration = duration(name, value);
				case "warmup" -> warmup = duration(name, value);
				case "rate" -> rate = integer(name, value);
				case "history" -> history = integer(name, value);
				case "receivers" -> receivers = integer(name, value);
				case "client" -> client = ClientKind.of(value);
				case "ceiling" -> compareWith.add(Path.of(value));
				case "label" -> label = value;
				case "server-pid" -> serverPid = integer(name, value);
				case "join-mode" -> rejoin = joinMode(value);
				case "trust" -> trust = Path.of(value);
				default -> throw new IllegalArgumentException("unknown option --" + name);
			}
		}
		int defaultHistory = switch (scenario) {
			case RECEIVE -> 10_000;
			case JOIN -> 100;
			case HISTORY -> 1_000_000;
			default -> 0;
		};
		return new BenchOptions(binder, target, scenario, users, rooms, duration, warmup, rate,
				(history != null) ? history : defaultHistory, receivers, client, json, jsonFile, compareWith, label,
				rejoin, serverPid, trust);
	}

	/**
	 * Whether the load runs at a fixed rate rather than as fast as possible.
	 * @return {@code true} for open loop
	 */
	boolean openLoop() {
		return this.rate > 0;
	}

	/**
	 * Parses a duration such as {@code 20s}, {@code 2m}, {@code 500ms} or {@code 20}
	 * (seconds).
	 * @param name the option, for the error message
	 * @param value the text
	 * @return the duration
	 */
	static Duration duration(String name, String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		try {
			if (text.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
			}
			if (text.endsWith("s")) {
				return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
			}
			if (text.endsWith("m")) {
				return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
			}
			return Duration.ofSeconds(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " is not a duration: '" + value + "'");
		}
	}

	private static boolean joinMode(String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "cycle" -> false;
			case "rejoin" -> true;
			default -> throw new IllegalArgumentException("--join-mode must be cycle or rejoin: '" + value + "'");
		};
	}

	private static int integer(String name, String value) {
		try {
			return Integer.parseInt(value.replace("_", "").trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " is not a number: '" + value + "'");
		}
	}

	private static URI uri(String name, String value) {
		try {
			URI uri = URI.create(value);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException(
						"--" + name + " must be an http:// or https:// URL: '" + value + "'");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--" + name + " must be an http:// or https:// URL: '" + value + "'");
		}
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * What the simulated users do.
	 */
	enum Scenario {

		/** Closed or open loop {@code send_message} broadcasts. */
		SEND,

		/** {@code receive_messages} in rooms holding {@code --history} messages. */
		RECEIVE,

		/**
		 * {@code join_room} (then an untimed leave) in rooms holding {@code --history}.
		 */
		JOIN,

		/**
		 * {@code get_history} in a room of {@code --history} messages: every page once,
		 * newest to oldest, then the newest and the deepest page measured apart.
		 */
		HISTORY,

		/**
		 * Time from {@code send_message} returning to a long-poller holding the message.
		 */
		DELIVERY,

		/** Every user long-polls at once; one message per room must answer them all. */
		LONGPOLL,

		/** The no-op method of the ceiling server. */
		NOOP,

		/**
		 * {@code --users} WebSockets subscribed, spread over {@code --rooms}, one message
		 * per room per second (or {@code --rate} in total): delivery latency, lost,
		 * doubled, out of order, the server's heap.
		 */
		WS_FANOUT,

		/**
		 * As {@code ws-fanout}, in one room at 50 messages/s: the server's CPU per
		 * delivery.
		 */
		WS_HOT,

		/** Closed or open loop {@code send_message} over WebSockets. */
		WS_SEND,

		/** Closed or open loop {@code receive_messages} over WebSockets. */
		WS_RECEIVE,

		/**
		 * Closed loop {@code send_message} and {@code receive_messages}, alone, then
		 * while one more client sends maximal requests back to back.
		 */
		MAX_BATCH;

		String wireName() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Scenario of(String value) {
			for (Scenario scenario : values()) {
				if (scenario.wireName().equalsIgnoreCase(value.trim())) {
					return scenario;
				}
			}
			throw new IllegalArgumentException("--scenario must be one of "
					+ Arrays.stream(values()).map(Scenario::wireName).collect(Collectors.joining(", ")) + ": '" + value
					+ "'");
		}

	}

	/**
	 * The HTTP client the simulated users talk through.
	 */
	enum ClientKind {

		/** One keep-alive socket per user, HTTP/1.1 written and read by hand. */
		RAW,

		/** {@code java.net.http.HttpClient} pinned to HTTP/1.1. */
		JDK;

		static ClientKind of(String value) {
			return switch (value.trim().toLowerCase(Locale.ROOT)) {
				case "raw" -> RAW;
				case "jdk" -> JDK;
				default -> throw new IllegalArgumentException("--client must be raw or jdk: '" + value + "'");
			};
		}

	}

}
