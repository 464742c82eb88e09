package dev.rpcchat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rpcchat.api.ClientTrust;
import dev.rpcchat.bench.BenchOptions.ClientKind;
import dev.rpcchat.bench.BenchOptions.Scenario;

/**
 * The load generator: simulated users that find the chat server through the binder and
 * talk to it over the real protocol, measured into a {@link LatencyReport}.
 */
public final class LoadGenerator {

	private static final int SETUP_CONCURRENCY = 32;

	// the servers' default rpc.batch.max-calls
	private static final int FILL_BATCH = 100;

	private static final int FILL_USERS = 8;

	// get_history's default page, the one clients get without asking
	private static final int HISTORY_PAGE = 50;

	// the longest wait for every first long poll to be waiting in the server
	private static final int POLL_SETTLE_SECONDS = 60;

	private static final Pattern WAITING_POLLS = Pattern.compile("(?m)^chat_longpolls_waiting(?:\\{[^}]*\\})? (\\S+)");

	private final BenchOptions options;

	private final PrintStream progress;

	private final String runId;

	private final SSLContext tls;

	private final HttpClient jdkClient;

	private final ProcessCpu serverCpu;

	private final ProcessCpu ownCpu = new ProcessCpu(ProcessHandle.current().pid());

	private final ChatServers servers;

	LoadGenerator(BenchOptions options, PrintStream progress) {
		this.options = options;
		this.progress = progress;
		this.runId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
		this.tls = tls(options.trust());
		this.jdkClient = (options.client() == ClientKind.JDK) ? JdkHttpTransport.newClient(this.tls) : null;
		this.serverCpu = new ProcessCpu(options.serverPid());
		this.servers = new ChatServers(options.binder(), options.target(), this::client);
	}

	/**
	 * Starts and stops the CPU clocks of the server and of this process together.
	 */
	ProcessCpu.Clocks clocks() {
		return new ProcessCpu.Clocks(this.serverCpu, this.ownCpu);
	}

	public static void main(String[] args) throws Exception {
		if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			System.out.print(BenchOptions.USAGE);
			return;
		}
		if (Arrays.asList(args).contains("--serve-noop")) {
			NoopServerApplication.serve(args);
			return;
		}
		BenchOptions options;
		LoadGenerator generator;
		try {
			options = BenchOptions.parse(args);
			generator = new LoadGenerator(options, System.err);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.err.print(BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		LatencyReport report = generator.run();
		System.out.print(report.toTable());
		if (options.json()) {
			if (options.jsonFile() != null) {
				Files.writeString(options.jsonFile(), report.toJson());
			}
			else {
				System.out.println(report.toJson());
			}
		}
		System.exit(0);
	}

	/**
	 * Sets up the scenario, runs it and sums it up.
	 * @return the report, compared with the ceiling when {@code --ceiling} was given
	 * @throws Exception when the setup fails
	 */
	LatencyReport run() throws Exception {
		LatencyReport report = switch (this.options.scenario()) {
			case NOOP -> runNoop();
			case SEND -> runSend();
			case RECEIVE -> runReceive();
			case JOIN -> runJoin();
			case HISTORY -> runHistory();
			case DELIVERY -> runDelivery();
			case LONGPOLL -> runLongPoll();
			case WS_FANOUT, WS_HOT -> new WebSocketScenarios(this, this.options).fanOut();
			case WS_SEND, WS_RECEIVE -> new WebSocketScenarios(this, this.options).requests();
			case MAX_BATCH -> new MaximalRequests(this, this.options).run();
		};
		for (Path baseline : this.options.compareWith()) {
			report = report.comparedWith(LatencyReport.Baseline.read(baseline));
		}
		return report;
	}

	private LatencyReport runNoop() throws Exception {
		URI endpoint = locate("noop");
		List<SimulatedUser> users = new ArrayList<>();
		for (int i = 0; i < this.options.users(); i++) {
			users.add(new SimulatedUser("noop-" + i, endpoint, this.servers));
		}
		LatencyRecorder calls = new LatencyRecorder("noop");
		List<LoadLoop.Operation> workers = users.stream().<LoadLoop.Operation>map((user) -> (sequence, start) -> {
			user.noop();
			return System.nanoTime();
		}).toList();
		return measure(workers, List.of(calls), users, List.of());
	}

	private LatencyReport runSend() throws Exception {
		URI endpoint = locate("send_message");
		List<String> rooms = rooms("send");
		List<SimulatedUser> users = signUp(endpoint, "s", this.options.users(), rooms);
		String text = "benchmark message of about sixty characters, plain ASCII text";
		LatencyRecorder sends = new LatencyRecorder("send_message");
		List<LoadLoop.Operation> workers = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			SimulatedUser user = users.get(i);
			String room = rooms.get(i % rooms.size());
			workers.add((sequence, start) -> {
				user.sendMessageOnly(room, text);
				return System.nanoTime();
			});
		}
		return measure(workers, List.of(sends), users, List.of());
	}

	private LatencyReport runReceive() throws Exception {
		URI endpoint = locate("receive_messages");
		List<String> rooms = rooms("recv");
		fill(endpoint, rooms);
		List<SimulatedUser> users = signUp(endpoint, "r", this.options.users(), rooms);
		LatencyRecorder reads = new LatencyRecorder("receive_messages");
		List<LoadLoop.Operation> workers = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			SimulatedUser user = users.get(i);
			String room = rooms.get(i % rooms.size());
			workers.add((sequence, start) -> {
				user.receiveMessagesOnly(room);
				return System.nanoTime();
			});
		}
		return measure(workers, List.of(reads), users,
				List.of(String.format(Locale.ROOT, "rooms hold %,d messages each", this.options.history())));
	}

	private LatencyReport runJoin() throws Exception {
		URI endpoint = locate("join_room");
		List<String> rooms = rooms("join");
		fill(endpoint, rooms);
		boolean rejoin = this.options.rejoin();
		List<SimulatedUser> users = signUp(endpoint, "j", this.options.users(), rejoin ? rooms : List.of());
		LatencyRecorder joins = new LatencyRecorder("join_room");
		List<LoadLoop.Operation> workers = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			SimulatedUser user = users.get(i);
			String room = rooms.get(i % rooms.size());
			workers.add((sequence, start) -> {
				user.joinRoom(room);
				long joined = System.nanoTime();
				if (!rejoin) {
					// The leave is not timed; it makes the next join a real one.
					user.leaveRoom(room);
				}
				return joined;
			});
		}
		String mode = rejoin ? "each user joins a room it is already in (no announcement)"
				: "each timed join is followed by an untimed leave_room (two announcements per cycle)";
		return measure(workers, List.of(joins), users,
				List.of(String.format(Locale.ROOT, "rooms hold %,d messages each; %s", this.options.history(), mode)));
	}

	/**
	 * {@code history}: one room of {@code --history} messages; its newest page read by
	 * every user in a loop, then paged with {@code get_history} from the newest page to
	 * the oldest by one user (each page timed once), then the deepest page (the oldest
	 * messages) read by every user in a loop: its cost must not grow with the depth.
	 */
	private LatencyReport runHistory() throws Exception {
		URI endpoint = locate("get_history");
		String room = rooms("hist").get(0);
		fillOneRoom(endpoint, room, this.options.history());
		List<SimulatedUser> users = signUp(endpoint, "h", this.options.users(), List.of(room));
		LatencyRecorder newest = new LatencyRecorder("get_history newest page");
		long newestEnd = new LoadLoop(this.options, this.progress).run(historyWorkers(users, room, null),
				List.of(newest), clocks());
		LatencyReport.Series newestSeries = newest.finish(newestEnd);
		// After the newest page's warm-up, so that the walk is not timed on a cold
		// server.
		HistoryWalk walk = walk(users.get(0), room);
		long deepestBefore = walk.oldestId() + HISTORY_PAGE;
		say("walked %,d pages of %d in %.1f s; the oldest message is #%,d, the deepest page is before_id %,d",
				walk.pages(), HISTORY_PAGE, walk.seconds(), walk.oldestId(), deepestBefore);
		LatencyRecorder deepest = new LatencyRecorder("get_history deepest page");
		long deepestEnd = new LoadLoop(this.options, this.progress).run(historyWorkers(users, room, deepestBefore),
				List.of(deepest), clocks());
		LatencyReport.Series deepestSeries = deepest.finish(deepestEnd);
		closeAll(users);
		double p50 = deepestSeries.p50Millis() / newestSeries.p50Millis();
		double p99 = deepestSeries.p99Millis() / newestSeries.p99Millis();
		List<String> notes = List.of(
				String.format(Locale.ROOT, "a room of %,d messages, pages of %d; the deepest page holds its oldest %d",
						this.options.history(), HISTORY_PAGE, HISTORY_PAGE),
				String.format(Locale.ROOT,
						"deepest vs newest page: p50 x%.2f, p99 x%.2f, throughput %.1f %% (target: the deepest page "
								+ "within 20 %% of the newest: %s)",
						p50, p99, 100 * deepestSeries.throughput() / newestSeries.throughput(),
						(p50 <= 1.2) ? "met" : "missed"),
				"the walk, p50 by depth (newest tenth first): " + walk.p50ByTenth());
		// The deepest page is the headline (the server's CPU was measured with it);
		// the walk's figures are one call per page, by one user.
		return report(List.of(deepestSeries, newestSeries, walk.series()), notes);
	}

	private List<LoadLoop.Operation> historyWorkers(List<SimulatedUser> users, String room, Long before) {
		return users.stream().<LoadLoop.Operation>map((user) -> (sequence, start) -> {
			user.historyOnly(room, before, HISTORY_PAGE);
			return System.nanoTime();
		}).toList();
	}

	/**
	 * Pages once through the whole room, newest page first, timing each page.
	 */
	private HistoryWalk walk(SimulatedUser user, String room) throws RpcCallException {
		LatencyRecorder recorder = new LatencyRecorder("get_history every page");
		long started = System.nanoTime();
		recorder.startMeasuring(started);
		List<Long> latencies = new ArrayList<>();
		Long before = null;
		long oldest = 0;
		boolean more = true;
		while (more) {
			long start = System.nanoTime();
			JsonNode page = user.history(room, before, HISTORY_PAGE);
			long nanos = System.nanoTime() - start;
			recorder.record(nanos);
			latencies.add(nanos);
			JsonNode messages = page.path("messages");
			more = page.path("has_more").asBoolean() && !messages.isEmpty();
			if (!messages.isEmpty()) {
				oldest = messages.get(0).path("id").asLong();
				before = oldest;
			}
			if (latencies.size() % 2000 == 0) {
				say("walked %,d pages, down to message #%,d", latencies.size(), oldest);
			}
		}
		long ended = System.nanoTime();
		return new HistoryWalk(recorder.finish(ended), latencies, oldest, (ended - started) / 1e9);
	}

	/**
	 * Puts messages in one room fast: several users at once, each its share in batches.
	 */
	private void fillOneRoom(URI endpoint, String room, int count) throws Exception {
		if (count == 0) {
			return;
		}
		long started = System.nanoTime();
		int fillers = Math.min(FILL_USERS, Math.max(1, count / FILL_BATCH));
		List<SimulatedUser> users = signUp(endpoint, "f", fillers, List.of(room));
		parallel(fillers,
				(i) -> users.get(i).fill(room, count / fillers + ((i < count % fillers) ? 1 : 0), FILL_BATCH));
		say("filled one room with %,d messages in %.1f s (%d users at once, batches of %d)", count,
				(System.nanoTime() - started) / 1e9, fillers, FILL_BATCH);
		closeAll(users);
	}

	private LatencyReport runDelivery() throws Exception {
		URI endpoint = locate("receive_messages");
		List<String> rooms = rooms("dlvr");
		List<SimulatedUser> senders = signUp(endpoint, "ds", this.options.users(), rooms);
		List<SimulatedUser> receivers = signUp(endpoint, "dr", this.options.receivers() * rooms.size(), rooms);
		List<Map<Long, Long>> returned = new ArrayList<>();
		rooms.forEach((room) -> returned.add(new ConcurrentHashMap<>()));
		DeliveryCheck check = new DeliveryCheck(rooms.size());
		Map<SimulatedUser, DeliveryCheck.Reader> readers = new IdentityHashMap<>();
		for (int i = 0; i < receivers.size(); i++) {
			readers.put(receivers.get(i), check.reader(i % rooms.size()));
		}
		LatencyRecorder sends = new LatencyRecorder("send_message");
		LatencyRecorder delivery = new LatencyRecorder("delivery (from send return)");
		LatencyRecorder endToEnd = new LatencyRecorder("delivery (from send start)");
		List<LoadLoop.Operation> workers = new ArrayList<>();
		for (int i = 0; i < senders.size(); i++) {
			SimulatedUser sender = senders.get(i);
			int room = i % rooms.size();
			workers.add((sequence, start) -> {
				long tag = check.nextTag();
				long id = sender.sendMessage(rooms.get(room), "d " + start + " " + tag);
				long done = System.nanoTime();
				check.acknowledged(room, tag);
				returned.get(room).put(id, done);
				return done;
			});
		}
		Poller poller = (user, room) -> {
			JsonNode messages = user.receiveMessages(rooms.get(room), 2);
			long now = System.nanoTime();
			DeliveryCheck.Reader reader = readers.get(user);
			for (JsonNode message : messages) {
				String content = message.path("content").asText();
				if (content.startsWith("d ")) {
					int space = content.indexOf(' ', 2);
					long id = message.path("id").asLong();
					reader.read(Long.parseLong(content.substring(space + 1)), id);
					Long sent = returned.get(room).get(id);
					delivery.record((sent != null) ? now - sent : 0);
					endToEnd.record(now - Long.parseLong(content.substring(2, space)));
				}
			}
		};
		PollerGroup group = new PollerGroup(receivers, rooms.size(), poller, delivery);
		group.start();
		long end = new LoadLoop(this.options, this.progress).run(workers, List.of(sends, delivery, endToEnd), clocks());
		// Let the receivers read what was sent last before counting what they missed.
		if (!check.awaitCaughtUp(Duration.ofSeconds(35))) {
			say("some receivers had not read every message %d s after the last send", 35);
		}
		group.stop();
		List<LatencyReport.Series> series = List.of(delivery.finish(end), endToEnd.finish(end), sends.finish(end));
		closeAll(senders);
		closeAll(receivers);
		return report(series,
				List.of(String.format(Locale.ROOT,
						"%d long-polling receivers per room (wait_seconds 2); a delivery that arrived before its "
								+ "send_message returned counts as 0",
						this.options.receivers())),
				check.summary());
	}

	private LatencyReport runLongPoll() throws Exception {
		URI endpoint = locate("receive_messages");
		List<String> rooms = rooms("poll");
		List<SimulatedUser> senders = signUp(endpoint, "ps", rooms.size(), rooms);
		List<SimulatedUser> pollers = signUp(endpoint, "p", this.options.users(), rooms);
		int maxRounds = 100_000;
		AtomicIntegerArray answered = new AtomicIntegerArray(maxRounds);
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		LatencyRecorder wakeUps = new LatencyRecorder("long poll answered");
		Poller poller = (user, room) -> {
			JsonNode messages = user.receiveMessages(rooms.get(room), 30);
			long now = System.nanoTime();
			for (JsonNode message : messages) {
				String content = message.path("content").asText();
				if (content.startsWith("r ")) {
					answered.incrementAndGet(Integer.parseInt(content.substring(2)));
					wakeUps.record(now - sentAt.getOrDefault(room + content, now));
				}
			}
		};
		PollerGroup group = new PollerGroup(pollers, rooms.size(), poller, wakeUps);
		ServerHeap heap = new ServerHeap(this.options.serverPid());
		OptionalLong heapIdle = heap.liveBytes();
		group.start();
		OptionalLong heapWaiting = awaitPolling(endpoint, pollers.size(), heap);
		say("%,d long-pollers started; sending one message per room per round", pollers.size());
		long start = System.nanoTime();
		long measureFrom = start + this.options.warmup().toNanos();
		long end = measureFrom + this.options.duration().toNanos();
		boolean measuring = false;
		int rounds = 0;
		long expected = 0;
		long received = 0;
		int round = 0;
		while (System.nanoTime() < end && round < maxRounds - 2) {
			if (!measuring && System.nanoTime() >= measureFrom) {
				wakeUps.startMeasuring(System.nanoTime());
				clocks().start();
				measuring = true;
			}
			round++;
			for (int room = 0; room < rooms.size(); room++) {
				sentAt.put(room + "r " + round, System.nanoTime());
				try {
					senders.get(room).sendMessageOnly(rooms.get(room), "r " + round);
				}
				catch (RpcCallException ex) {
					wakeUps.error("send-" + ex.code());
				}
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(31);
			while (answered.get(round) < pollers.size() && System.nanoTime() < deadline) {
				LoadLoop.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5));
			}
			if (measuring) {
				rounds++;
				expected += pollers.size();
				received += answered.get(round);
			}
			this.progress.printf(Locale.ROOT, "%-7s round %d: %,d of %,d long-pollers answered%n",
					measuring ? "measure" : "warm-up", round, answered.get(round), pollers.size());
		}
		if (!measuring) {
			wakeUps.startMeasuring(System.nanoTime());
			clocks().start();
		}
		clocks().stop();
		group.stop(() -> {
			for (int room = 0; room < rooms.size(); room++) {
				try {
					senders.get(room).sendMessageOnly(rooms.get(room), "stop");
				}
				catch (RpcCallException ex) {
					// the pollers also stop at their wait's end
				}
			}
		});
		LatencyReport.Series series = wakeUps.finish(System.nanoTime());
		closeAll(senders);
		closeAll(pollers);
		return report(List.of(series), List.of(String.format(Locale.ROOT,
				"%,d clients long-polling (wait_seconds 30) in %d rooms; %d measured rounds of one message per room; "
						+ "answered %,d of %,d (%,d missing); latency from send_message's start",
				pollers.size(), rooms.size(), rounds, received, expected, expected - received),
				heapPerPoll(heapIdle, heapWaiting, pollers.size())));
	}

	/**
	 * Waits until the server says every poller's first long poll is waiting (its
	 * {@code chat.longpolls.waiting} gauge, on {@code /actuator/prometheus}), then reads
	 * the server's live heap, before any message is sent.
	 */
	private OptionalLong awaitPolling(URI endpoint, int polls, ServerHeap heap) {
		if (this.options.serverPid() <= 0) {
			return OptionalLong.empty();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(POLL_SETTLE_SECONDS);
		long waiting = -1;
		try (HttpClient http = JdkHttpTransport.newClient(this.tls)) {
			while (System.nanoTime() < deadline && (waiting = waitingPolls(http, endpoint)) < polls) {
				LoadLoop.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));
			}
		}
		say("the server reports %,d of %,d long polls waiting (-1: unknown); reading its live heap", waiting, polls);
		return heap.liveBytes();
	}

	/**
	 * How many long polls the server says are waiting.
	 * @return its {@code chat.longpolls.waiting} gauge, or -1 if it cannot be read
	 */
	private static long waitingPolls(HttpClient http, URI endpoint) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(endpoint.resolve("/actuator/prometheus")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher gauge = WAITING_POLLS.matcher(response.body());
			return gauge.find() ? (long) Double.parseDouble(gauge.group(1)) : -1;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String heapPerPoll(OptionalLong idle, OptionalLong waiting, int polls) {
		if (idle.isEmpty() || waiting.isEmpty()) {
			return "server live heap unknown (no --server-pid, or jcmd failed)";
		}
		return String.format(Locale.ROOT,
				"server live heap after a full GC: %s with every client signed up and its connection idle, %s with "
						+ "%,d long polls waiting: %.1f KB per waiting poll",
				ServerHeap.mib(idle.getAsLong()), ServerHeap.mib(waiting.getAsLong()), polls,
				(waiting.getAsLong() - idle.getAsLong()) / 1024.0 / polls);
	}

	private LatencyReport measure(List<LoadLoop.Operation> workers, List<LatencyRecorder> recorders,
			List<SimulatedUser> users, List<String> notes) throws InterruptedException {
		long end = new LoadLoop(this.options, this.progress).run(workers, recorders, clocks());
		List<LatencyReport.Series> series = recorders.stream().map((recorder) -> recorder.finish(end)).toList();
		closeAll(users);
		return report(series, notes);
	}

	LatencyReport report(List<LatencyReport.Series> series, List<String> notes) {
		return report(series, notes, null);
	}

	private LatencyReport report(List<LatencyReport.Series> series, List<String> notes,
			DeliveryCheck.Summary messages) {
		String loop = this.options.openLoop() ? "open loop at " + this.options.rate() + "/s" : "closed loop";
		String setup = String.format(Locale.ROOT, "%d users, %d rooms, %s, %ds measured after %ds warm-up, %s client",
				this.options.users(), this.options.rooms(), loop, this.options.duration().toSeconds(),
				this.options.warmup().toSeconds(), this.options.client().name().toLowerCase(Locale.ROOT));
		if (!series.isEmpty() && Double.isFinite(this.ownCpu.seconds())) {
			LatencyReport.Series headline = series.get(0);
			notes = new ArrayList<>(notes);
			notes.add(String.format(Locale.ROOT,
					"load generator CPU %.2f s in %.1f s measured (%.0f %% of its core), %.1f us per operation",
					this.ownCpu.seconds(), headline.seconds(), 100 * this.ownCpu.seconds() / headline.seconds(),
					1e6 * this.ownCpu.seconds() / Math.max(headline.count(), 1)));
		}
		return new LatencyReport(this.options.label(), this.options.scenario().wireName(), setup, series, notes,
				this.serverCpu.seconds(), List.of(), this.servers.failovers(), messages);
	}

	/**
	 * Finds the server of a procedure as a client would: {@code lookup_procedure} at the
	 * binder, unless {@code --target} names it.
	 */
	URI locate(String procedure) throws RpcCallException {
		URI endpoint = this.servers.locate(procedure);
		if (this.options.target() == null) {
			say("%s is served at %s (from the binder at %s)", procedure, endpoint, this.options.binder());
		}
		return endpoint;
	}

	private RpcClient client(URI endpoint) {
		HttpTransport transport = (this.options.client() == ClientKind.JDK)
				? new JdkHttpTransport(this.jdkClient, endpoint) : new RawHttpTransport(endpoint, this.tls);
		return new RpcClient(transport);
	}

	/**
	 * What HTTPS and {@code wss://} connections trust: the JVM's trust store, plus the
	 * certificates of {@code --trust}.
	 */
	SSLContext tls() {
		return this.tls;
	}

	private static SSLContext tls(Path trust) {
		if (trust == null) {
			return ClientTrust.sslContext(List.of());
		}
		try {
			return ClientTrust.sslContext(ClientTrust.readPem(trust));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("--trust: " + ex.getMessage(), ex);
		}
	}

	List<String> rooms(String kind) {
		List<String> rooms = new ArrayList<>();
		for (int i = 0; i < this.options.rooms(); i++) {
			rooms.add("bench-" + this.runId + "-" + kind + "-" + i);
		}
		return rooms;
	}

	/**
	 * Registers users, each on its own connection, and has user {@code i} join room
	 * {@code i % rooms} (creating the rooms first).
	 */
	List<SimulatedUser> signUp(URI endpoint, String prefix, int count, List<String> rooms) throws Exception {
		long started = System.nanoTime();
		SimulatedUser[] users = new SimulatedUser[count];
		for (int i = 0; i < count; i++) {
			users[i] = new SimulatedUser("b" + this.runId + "-" + prefix + i, endpoint, this.servers);
		}
		if (count > 0 && !rooms.isEmpty()) {
			users[0].register();
			for (String room : rooms) {
				users[0].createRoom(room);
			}
		}
		parallel(count, (i) -> {
			if (i > 0 || rooms.isEmpty()) {
				users[i].register();
			}
			if (!rooms.isEmpty()) {
				users[i].joinRoom(rooms.get(i % rooms.size()));
			}
		});
		if (count >= 1000) {
			say("signed up %,d users in %.1f s", count, (System.nanoTime() - started) / 1e9);
		}
		return List.of(users);
	}

	/**
	 * Puts {@code --history} messages in each room, in batches from one user per room.
	 */
	private void fill(URI endpoint, List<String> rooms) throws Exception {
		if (this.options.history() == 0) {
			return;
		}
		long started = System.nanoTime();
		List<SimulatedUser> fillers = signUp(endpoint, "f", rooms.size(), rooms);
		parallel(rooms.size(), (i) -> fillers.get(i).fill(rooms.get(i), this.options.history(), FILL_BATCH));
		say("filled %d rooms with %,d messages each in %.1f s", rooms.size(), this.options.history(),
				(System.nanoTime() - started) / 1e9);
		closeAll(fillers);
	}

	void parallel(int count, IndexedTask task) throws Exception {
		Semaphore permits = new Semaphore(SETUP_CONCURRENCY);
		AtomicReference<Exception> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>(count);
		for (int i = 0; i < count && failure.get() == null; i++) {
			permits.acquire();
			int index = i;
			threads.add(Thread.ofVirtual().start(() -> {
				try {
					task.run(index);
				}
				catch (Exception ex) {
					failure.compareAndSet(null, ex);
				}
				finally {
					permits.release();
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (failure.get() != null) {
			Exception ex = failure.get();
			String code = (ex instanceof RpcCallException rpc) ? " (" + rpc.code() + ")" : "";
			throw new IllegalStateException("setup failed" + code + ": " + ex.getMessage(), ex);
		}
	}

	PrintStream progress() {
		return this.progress;
	}

	void say(String format, Object... args) {
		this.progress.printf(Locale.ROOT, format + "%n", args);
	}

	static void closeAll(List<SimulatedUser> users) {
		users.forEach(SimulatedUser::close);
	}

	/**
	 * One pass through a room's history.
	 *
	 * @param series every page's latency
	 * @param latencies each page's, newest page first
	 * @param oldestId the id of the oldest message
	 * @param seconds how long the pass took
	 */
	private record HistoryWalk(LatencyReport.Series series, List<Long> latencies, long oldestId, double seconds) {

		int pages() {
			return this.latencies.size();
		}

		/**
		 * The median page latency of each tenth of the pages, newest first.
		 */
		String p50ByTenth() {
			List<String> medians = new ArrayList<>();
			int size = this.latencies.size();
			for (int tenth = 0; tenth < 10 && size >= 10; tenth++) {
				List<Long> part = new ArrayList<>(this.latencies.subList(tenth * size / 10, (tenth + 1) * size / 10));
				part.sort(null);
				medians.add(String.format(Locale.ROOT, "%.3f", part.get(part.size() / 2) / 1e6));
			}
			return medians.isEmpty() ? "too few pages" : String.join(" ", medians) + " ms";
		}

	}

	@FunctionalInterface
	interface IndexedTask {

		void run(int index) throws Exception;

	}

	/**
	 * One long poll of one user in the room of the given index.
	 */
	@FunctionalInterface
	private interface Poller {

		void poll(SimulatedUser user, int room) throws RpcCallException;

	}

	/**
	 * Users that long-poll in a loop on virtual threads until stopped.
	 */
	private static final class PollerGroup {

		private final List<SimulatedUser> users;

		private final int rooms;

		private final Poller poller;

		private final LatencyRecorder errors;

		private final List<Thread> threads = new ArrayList<>();

		private final AtomicInteger failures = new AtomicInteger();

		private volatile boolean stopped;

		PollerGroup(List<SimulatedUser> users, int rooms, Poller poller, LatencyRecorder errors) {
			this.users = users;
			this.rooms = rooms;
			this.poller = poller;
			this.errors = errors;
		}

		void start() {
			for (int i = 0; i < this.users.size(); i++) {
				SimulatedUser user = this.users.get(i);
				int room = i % this.rooms;
				this.threads.add(Thread.ofVirtual().name("bench-poller-" + i).start(() -> loop(user, room)));
			}
		}

		private void loop(SimulatedUser user, int room) {
			while (!this.stopped) {
				try {
					this.poller.poll(user, room);
				}
				catch (RpcCallException ex) {
					this.errors.error(ex.code());
					if (this.failures.incrementAndGet() % 1000 == 0 || ex.code().equals("io")) {
						LoadLoop.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
					}
				}
			}
		}

		void stop() throws InterruptedException {
			stop(() -> {
			});
		}

		void stop(Runnable release) throws InterruptedException {
			this.stopped = true;
			release.run();
			for (Thread thread : this.threads) {
				thread.join(TimeUnit.SECONDS.toMillis(35));
			}
		}

	}

}
