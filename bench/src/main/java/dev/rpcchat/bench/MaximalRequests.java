package dev.rpcchat.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code max-batch}: what one client's maximal requests cost everyone else (issues 12.14
 * and 17.3). The users ({@code --users}, closed loop) each send a message and read their
 * room in turn, first alone, then while one more client sends maximal requests back to
 * back on a connection of its own: a batch of {@value #BATCH_CALLS} {@code join_room}
 * calls (the servers' default {@code rpc.batch.max-calls}) of a room holding
 * {@value #ROOM_MESSAGES} broadcasts of {@value #MESSAGE_LENGTH} characters (the default
 * {@code chat.messages.max-length}), each call answering all of them, the calls' ids
 * padded so that the body is {@value #BODY_BYTES} bytes, the most {@code POST /rpc}
 * reads. The report gives the users' latencies beside the maximal requests and alone, and
 * the maximal requests' own.
 */
final class MaximalRequests {

	static final int BATCH_CALLS = 100;

	static final int ROOM_MESSAGES = 50;

	static final int MESSAGE_LENGTH = 2000;

	static final int BODY_BYTES = 1024 * 1024;

	private static final ObjectMapper mapper = new ObjectMapper();

	private final LoadGenerator generator;

	private final BenchOptions options;

	MaximalRequests(LoadGenerator generator, BenchOptions options) {
		this.generator = generator;
		this.options = options;
	}

	LatencyReport run() throws Exception {
		URI endpoint = this.generator.locate("join_room");
		List<String> rooms = this.generator.rooms("max");
		List<SimulatedUser> users = this.generator.signUp(endpoint, "mx", this.options.users(), rooms);
		String heavyRoom = this.generator.rooms("heavy").get(0);
		SimulatedUser heavy = this.generator.signUp(endpoint, "mxh", 1, List.of(heavyRoom)).get(0);
		String text = "x".repeat(MESSAGE_LENGTH);
		for (int i = 0; i < ROOM_MESSAGES; i++) {
			heavy.sendMessageOnly(heavyRoom, text);
		}
		byte[] maximal = maximalBatch(heavy.username(), heavyRoom);
		String answered = checkOnce(endpoint, heavy.token(), maximal);
		this.generator.say("maximal request: %,d bytes, %s", maximal.length, answered);
		LatencyRecorder alone = new LatencyRecorder("send/receive alone");
		long aloneEnd = new LoadLoop(this.options, this.generator.progress()).run(workers(users, rooms), List.of(alone),
				this.generator.clocks());
		LatencyReport.Series aloneSeries = alone.finish(aloneEnd);
		LatencyRecorder beside = new LatencyRecorder("send/receive beside maximal requests");
		LatencyRecorder maximalCalls = new LatencyRecorder("maximal request");
		HeavyClient client = new HeavyClient(endpoint, heavy.token(), maximal, maximalCalls);
		Thread heavyThread = Thread.ofPlatform().name("bench-maximal-requests").daemon().start(client::loop);
		long end = new LoadLoop(this.options, this.generator.progress()).run(workers(users, rooms),
				List.of(beside, maximalCalls), this.generator.clocks());
		client.stop();
		heavyThread.join();
		List<LatencyReport.Series> series = List.of(beside.finish(end), aloneSeries, maximalCalls.finish(end));
		LoadGenerator.closeAll(users);
		heavy.close();
		return this.generator.report(series, notes(series, maximal.length, answered, client));
	}

	private static List<LoadLoop.Operation> workers(List<SimulatedUser> users, List<String> rooms) {
		String text = "benchmark message of about sixty characters, plain ASCII text";
		List<LoadLoop.Operation> workers = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			SimulatedUser user = users.get(i);
			String room = rooms.get(i % rooms.size());
			workers.add((sequence, start) -> {
				if (sequence % 2 == 0) {
					user.sendMessageOnly(room, text);
				}
				else {
					user.receiveMessagesOnly(room);
				}
				return System.nanoTime();
			});
		}
		return workers;
	}

	/**
	 * The batch of {@value #BATCH_CALLS} {@code join_room} calls, each id padded with
	 * digits so that the body is {@value #BODY_BYTES} bytes.
	 */
	static byte[] maximalBatch(String username, String room) {
		String params = ", \"method\": \"join_room\", \"params\": {\"username\": " + quoted(username)
				+ ", \"room_name\": " + quoted(room) + "}}";
		int unpadded = 2 + (BATCH_CALLS - 1) + BATCH_CALLS
				* ("{\"jsonrpc\": \"2.0\", \"id\": \"\"".length() + params.getBytes(StandardCharsets.UTF_8).length);
		int padding = (BODY_BYTES - unpadded) / BATCH_CALLS;
		StringBuilder batch = new StringBuilder(BODY_BYTES).append('[');
		for (int i = 0; i < BATCH_CALLS; i++) {
			if (i > 0) {
				batch.append(',');
			}
			String id = Integer.toString(i);
			// zeros before the number: after it, "1" and "10" would become the same id
			batch.append("{\"jsonrpc\": \"2.0\", \"id\": \"")
				.append("0".repeat(padding - id.length()))
				.append(id)
				.append('"')
				.append(params);
		}
		return batch.append(']').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String quoted(String text) {
		try {
			return mapper.writeValueAsString(text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends the maximal request once and says what came back: how many calls were
	 * answered with how many messages each, and the answer's size.
	 */
	private static String checkOnce(URI endpoint, String token, byte[] maximal) throws IOException {
		try (RawHttpTransport transport = new RawHttpTransport(endpoint)) {
			HttpTransport.Response response = transport.post(maximal, token);
			JsonNode answers = mapper.readTree(response.body());
			int joined = 0;
			int messages = 0;
			int errors = 0;
			for (JsonNode answer : answers) {
				if (answer.has("result")) {
					joined++;
					messages = Math.max(messages, answer.at("/result/messages").size());
				}
				else {
					errors++;
				}
			}
			return String.format(Locale.ROOT, "HTTP %d, %,d bytes answered: %d joins of up to %d messages, %d errors",
					response.status(), response.body().length, joined, messages, errors);
		}
	}

	private static List<String> notes(List<LatencyReport.Series> series, int bodyBytes, String answered,
			HeavyClient client) {
		LatencyReport.Series beside = series.get(0);
		LatencyReport.Series alone = series.get(1);
		return List.of(String.format(Locale.ROOT,
				"maximal request: a batch of %d join_room calls of a room of %d messages of %,d characters, "
						+ "ids padded to a %,d-byte body (%s); sent back to back on one more connection during the "
						+ "second phase: %,d sent, %.1f MB answered in all",
				BATCH_CALLS, ROOM_MESSAGES, MESSAGE_LENGTH, bodyBytes, answered, client.sent.get(),
				client.answeredBytes.get() / 1e6),
				String.format(Locale.ROOT,
						"send/receive beside maximal requests vs alone: p50 %.2f vs %.2f ms (%.1fx), p99 %.2f vs %.2f "
								+ "ms (%.1fx), throughput %.0f vs %.0f/s",
						beside.p50Millis(), alone.p50Millis(), beside.p50Millis() / alone.p50Millis(),
						beside.p99Millis(), alone.p99Millis(), beside.p99Millis() / alone.p99Millis(),
						beside.throughput(), alone.throughput()),
				"each user sends a message, then reads its room, in turn; the server CPU line covers the second "
						+ "phase, maximal requests included");
	}

	/**
	 * The client that sends the maximal request back to back until stopped, reading each
	 * answer whole.
	 */
	private static final class HeavyClient {

		private final URI endpoint;

		private final String token;

		private final byte[] request;

		private final LatencyRecorder calls;

		private final AtomicLong sent = new AtomicLong();

		private final AtomicLong answeredBytes = new AtomicLong();

		private volatile boolean stopped;

		HeavyClient(URI endpoint, String token, byte[] request, LatencyRecorder calls) {
			this.endpoint = endpoint;
			this.token = token;
			this.request = request;
			this.calls = calls;
		}

		void loop() {
			try (RawHttpTransport transport = new RawHttpTransport(this.endpoint)) {
				while (!this.stopped) {
					long start = System.nanoTime();
					try {
						HttpTransport.Response response = transport.post(this.request, this.token);
						this.sent.incrementAndGet();
						this.answeredBytes.addAndGet(response.body().length);
						if (response.status() == 200) {
							this.calls.record(System.nanoTime() - start);
						}
						else {
							this.calls.error("http-" + response.status());
						}
					}
					catch (IOException ex) {
						// the transport connects again for the next one
						this.calls.error("io");
					}
				}
			}
		}

		void stop() {
			this.stopped = true;
		}

	}

}
