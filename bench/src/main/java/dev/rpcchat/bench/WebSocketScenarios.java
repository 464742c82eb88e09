package dev.rpcchat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rpcchat.bench.BenchOptions.Scenario;

/**
 * The WebSocket scenarios: many subscribed sockets hearing what few senders send
 * ({@code ws-fanout}, {@code ws-hot}), and calls over sockets in a loop ({@code ws-send},
 * {@code ws-receive}).
 */
final class WebSocketScenarios {

	private final LoadGenerator generator;

	private final BenchOptions options;

	// One client, one selector thread, for every socket of the run.
	private final HttpClient http;

	WebSocketScenarios(LoadGenerator generator, BenchOptions options) {
		this.generator = generator;
		this.options = options;
		this.http = HttpClient.newBuilder().sslContext(generator.tls()).build();
	}

	/**
	 * {@code ws-fanout} and {@code ws-hot}: subscribers register, join and subscribe on
	 * their own sockets; one sender per room sends over HTTP at the rate; each delivery
	 * is timed from its send's return, and every subscriber's messages are checked for
	 * loss, doubles and order.
	 */
	LatencyReport fanOut() throws Exception {
		boolean hot = this.options.scenario() == Scenario.WS_HOT;
		URI endpoint = this.generator.locate("subscribe");
		List<String> rooms = this.generator.rooms(hot ? "hot" : "fan");
		int rate = this.options.openLoop() ? this.options.rate() : (hot ? 50 : rooms.size());
		List<SimulatedUser> senders = this.generator.signUp(endpoint, "wss", rooms.size(), rooms);
		List<Map<Long, Long>> returned = new ArrayList<>();
		rooms.forEach((room) -> returned.add(new ConcurrentHashMap<>()));
		LatencyRecorder delivery = new LatencyRecorder("delivery (from send return)");
		LatencyRecorder sends = new LatencyRecorder("send_message");
		Subscriber[] subscribers = new Subscriber[this.options.users()];
		long setup = System.nanoTime();
		this.generator.parallel(subscribers.length, (i) -> {
			int room = i % rooms.size();
			Subscriber subscriber = new Subscriber(room, returned.get(room), delivery);
			subscriber.client = WsClient.open(this.http, endpoint, subscriber::heard);
			subscriber.client.call("register_user", "username",
					"b" + endpoint.getPort() + "-" + setup % 100_000 + "-w" + i);
			subscriber.client.call("join_room", "username", "b" + endpoint.getPort() + "-" + setup % 100_000 + "-w" + i,
					"room_name", rooms.get(room));
			subscriber.client.call("subscribe", "room_name", rooms.get(room));
			subscribers[i] = subscriber;
		});
		this.generator.say("%,d sockets subscribed in %.1f s", subscribers.length, (System.nanoTime() - setup) / 1e9);
		String heapIdle = new ServerHeap(this.options.serverPid()).live();
		long[] sent = new long[rooms.size()];
		long start = System.nanoTime();
		long measureFrom = start + this.options.warmup().toNanos();
		long end = measureFrom + this.options.duration().toNanos();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		boolean measuring = false;
		long next = start;
		for (long k = 0; System.nanoTime() < end; k++) {
			LoadLoop.sleepUntil(next);
			next += interval;
			if (!measuring && System.nanoTime() >= measureFrom) {
				delivery.startMeasuring(System.nanoTime());
				sends.startMeasuring(System.nanoTime());
				this.generator.clocks().start();
				measuring = true;
			}
			int room = (int) (k % rooms.size());
			long begun = System.nanoTime();
			try {
				long id = senders.get(room).sendMessage(rooms.get(room), "w " + k);
				long done = System.nanoTime();
				returned.get(room).put(id, done);
				sends.record(done - begun);
				sent[room]++;
			}
			catch (RpcCallException ex) {
				sends.error(ex.code());
			}
		}
		awaitDelivered(subscribers, sent, Duration.ofSeconds(30));
		if (!measuring) {
			delivery.startMeasuring(System.nanoTime());
			this.generator.clocks().start();
		}
		this.generator.clocks().stop();
		long finished = System.nanoTime();
		List<LatencyReport.Series> series = List.of(delivery.finish(finished), sends.finish(finished));
		String heapBusy = new ServerHeap(this.options.serverPid()).live();
		List<String> notes = new ArrayList<>();
		notes.add(String.format(Locale.ROOT,
				"%,d subscribed sockets in %d rooms, %d messages/s in total over HTTP, one sender per room",
				subscribers.length, rooms.size(), rate));
		notes.add(check(subscribers, sent));
		notes.add("server live heap after a full GC: " + heapIdle + " with every socket subscribed, " + heapBusy
				+ " after the run");
		long deliveries = series.get(0).count();
		notes.add(String.format(Locale.ROOT, "%,d deliveries measured", deliveries));
		for (Subscriber subscriber : subscribers) {
			subscriber.client.close();
		}
		LoadGenerator.closeAll(senders);
		return this.generator.report(series, notes);
	}

	/**
	 * {@code ws-send} and {@code ws-receive}: each user registers, joins and calls on its
	 * own socket in the load loop.
	 */
	LatencyReport requests() throws Exception {
		boolean send = this.options.scenario() == Scenario.WS_SEND;
		URI endpoint = this.generator.locate("send_message");
		List<String> rooms = this.generator.rooms(send ? "wsend" : "wrecv");
		List<SimulatedUser> owners = this.generator.signUp(endpoint, "wso", 1, rooms);
		WsClient[] clients = new WsClient[this.options.users()];
		String[] names = new String[clients.length];
		long setup = System.nanoTime();
		this.generator.parallel(clients.length, (i) -> {
			names[i] = "b" + setup % 100_000 + "-ws" + i;
			clients[i] = WsClient.open(this.http, endpoint, (notification) -> {
			});
			clients[i].call("register_user", "username", names[i]);
			clients[i].call("join_room", "username", names[i], "room_name", rooms.get(i % rooms.size()));
		});
		String method = send ? "send_message" : "receive_messages";
		LatencyRecorder calls = new LatencyRecorder(method + " (WebSocket)");
		String text = "benchmark message of about sixty characters, plain ASCII text";
		AtomicLong sequence = new AtomicLong();
		List<LoadLoop.Operation> workers = new ArrayList<>();
		for (int i = 0; i < clients.length; i++) {
			WsClient client = clients[i];
			String name = names[i];
			String room = rooms.get(i % rooms.size());
			workers.add((step, start) -> {
				if (send) {
					client.call("send_message", "username", name, "room_name", room, "message", text, "client_msg_id",
							name + "-" + sequence.incrementAndGet());
				}
				else {
					client.call("receive_messages", "username", name, "room_name", room);
				}
				return System.nanoTime();
			});
		}
		long end = new LoadLoop(this.options, this.generator.progress()).run(workers, List.of(calls),
				this.generator.clocks());
		for (WsClient client : clients) {
			client.close();
		}
		LoadGenerator.closeAll(owners);
		return this.generator.report(List.of(calls.finish(end)),
				List.of("each user on its own WebSocket, authenticated by register_user on it"));
	}

	private static void awaitDelivered(Subscriber[] subscribers, long[] sent, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		for (Subscriber subscriber : subscribers) {
			while (subscriber.received.get() < sent[subscriber.room] && !subscriber.client.isClosed()
					&& System.nanoTime() < deadline) {
				LoadLoop.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
			}
		}
	}

	private static String check(Subscriber[] subscribers, long[] sent) {
		long lost = 0;
		long doubled = 0;
		long outOfOrder = 0;
		long closed = 0;
		long expected = 0;
		for (Subscriber subscriber : subscribers) {
			expected += sent[subscriber.room];
			lost += Math.max(0, sent[subscriber.room] - subscriber.received.get());
			doubled += subscriber.doubled.get();
			outOfOrder += subscriber.outOfOrder.get();
			closed += subscriber.client.isClosed() ? 1 : 0;
		}
		return String.format(Locale.ROOT,
				"deliveries: %,d expected, %,d lost, %,d doubled, %,d out of order; %,d sockets closed by the server",
				expected, lost, doubled, outOfOrder, closed);
	}

	/**
	 * One subscribed socket and what it heard.
	 */
	private static final class Subscriber {

		final int room;

		final Map<Long, Long> returned;

		final LatencyRecorder delivery;

		final AtomicLong received = new AtomicLong();

		final AtomicLong doubled = new AtomicLong();

		final AtomicLong outOfOrder = new AtomicLong();

		volatile WsClient client;

		private long lastId;

		Subscriber(int room, Map<Long, Long> returned, LatencyRecorder delivery) {
			this.room = room;
			this.returned = returned;
			this.delivery = delivery;
		}

		// On the client's thread, one notification at a time per socket.
		void heard(JsonNode notification) {
			JsonNode message = notification.get("params");
			if (!"message".equals(notification.path("method").asText())
					|| !message.path("content").asText().startsWith("w ")) {
				return;
			}
			long now = System.nanoTime();
			long id = message.path("id").asLong();
			if (id == this.lastId) {
				this.doubled.incrementAndGet();
				return;
			}
			if (id < this.lastId) {
				this.outOfOrder.incrementAndGet();
				return;
			}
			this.lastId = id;
			this.received.incrementAndGet();
			Long sent = this.returned.get(id);
			this.delivery.record((sent != null) ? now - sent : 0);
		}

	}

}
