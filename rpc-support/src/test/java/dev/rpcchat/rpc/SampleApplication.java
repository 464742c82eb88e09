package dev.rpcchat.rpc;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.rpc.ws.RpcWebSocketSettings;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A service exposed by rpc-support alone, as binder-app and chat-app expose theirs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SampleApplication {

	@Bean
	SampleServiceImplementation sampleService() {
		return new SampleServiceImplementation();
	}

	@Bean
	RpcService rpcService(SampleServiceImplementation sampleService) {
		return new RpcService(SampleService.class, sampleService);
	}

	@Bean
	RpcWebSocketSettings rpcWebSocketSettings(Environment environment) {
		RpcWebSocketSettings defaults = RpcWebSocketSettings.defaults();
		return new RpcWebSocketSettings(
				environment.getProperty("sample.web.ping-interval", Duration.class, defaults.pingInterval()),
				environment.getProperty("sample.web.pong-timeout", Duration.class, defaults.pongTimeout()),
				environment.getProperty("sample.web.max-queued-bytes", Integer.class, defaults.maxQueuedBytes()),
				environment.getProperty("sample.web.max-calls-in-flight", Integer.class, defaults.maxCallsInFlight()));
	}

	static class SampleServiceImplementation implements SampleService {

		final AtomicInteger notifications = new AtomicInteger();

		final List<String> remembered = new CopyOnWriteArrayList<>();

		@Override
		public int subtract(int minuend, int subtrahend) {
			return minuend - subtrahend;
		}

		@Override
		public int sum(int a, int b, Integer c) {
			return a + b + ((c != null) ? c : 0);
		}

		@Override
		public void update(int a, int b, int c, int d, int e) {
			this.notifications.incrementAndGet();
		}

		@Override
		public void notifyHello(int value) {
			this.notifications.incrementAndGet();
		}

		@Override
		public void notifySum(int a, int b, int c) {
			this.notifications.incrementAndGet();
		}

		@Override
		public List<Object> getData() {
			return List.of("hello", 5);
		}

		@Override
		public String whoami() {
			return RpcCaller.bearerToken().orElse(null);
		}

		@Override
		public boolean findRoom(String roomName) {
			throw new ChatException(ErrorCode.ROOM_NOT_FOUND, "There is no room named " + roomName + ".",
					Map.of("room_name", roomName));
		}

		@Override
		public boolean explode() {
			throw new IllegalStateException("secret detail in com.example.Internal");
		}

		@Override
		public int waitFor(Integer waitSeconds) {
			if (waitSeconds != null && (waitSeconds < 0 || waitSeconds > 30)) {
				throw new InvalidParamsException("wait_seconds must be between 0 and 30.");
			}
			// measured from when the request was read, so that polls in one batch do not
			// add up
			long deadline = RpcCaller.receivedNanos()
					+ TimeUnit.SECONDS.toNanos((waitSeconds != null) ? waitSeconds : 0);
			long start = System.nanoTime();
			for (long left = deadline - start; left > 0; left = deadline - System.nanoTime()) {
				LockSupport.parkNanos(left);
			}
			return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		}

		@Override
		public int remember(String text, Map<String, List<String>> tags) {
			this.remembered.add(text);
			if (tags != null) {
				tags.values().forEach(this.remembered::addAll);
			}
			return this.remembered.size();
		}

		@Override
		public String text(int length) {
			return "x".repeat(length);
		}

		@Override
		public boolean registerProcedure(String procedureName, String address, int port, Integer ttlSeconds) {
			return true;
		}

		@Override
		public String typed(Long afterId, Boolean flag, Double ratio, List<String> tags, MessageType type) {
			return afterId + " " + flag + " " + ratio + " " + tags + " " + type;
		}

		@Override
		public boolean onVirtualThread() {
			return Thread.currentThread().isVirtual();
		}

		@Override
		public Object unwritable() {
			return new Unwritable();
		}

		@Override
		public boolean noop() {
			return true;
		}

		@Override
		public int slow(int millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return millis;
		}

		@Override
		public boolean later(int millis, String outcome) {
			Thread call = Thread.currentThread();
			CompletableFuture<Boolean> answer = new CompletableFuture<>();
			Thread.ofVirtual().start(() -> {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
				switch ((outcome != null) ? outcome : "value") {
					case "room_not_found", "thrown" ->
						answer.completeExceptionally(new ChatException(ErrorCode.ROOM_NOT_FOUND, "No room here."));
					case "failure" -> answer.completeExceptionally(new IllegalStateException("A later bug"));
					default -> answer.complete(ended(call));
				}
			});
			Boolean free = RpcCaller.answerLater(answer);
			if ("thrown".equals(outcome)) {
				throw new ChatException(ErrorCode.INVALID_NAME, "Thrown after answering later.");
			}
			return Boolean.TRUE.equals(free);
		}

		private static boolean ended(Thread thread) {
			try {
				return thread.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public boolean bind(String token) {
			return RpcCaller.connection().map((connection) -> connection.bind(token)).orElse(false);
		}

		@Override
		public boolean unbind(String token) {
			return RpcCaller.connection().map((connection) -> connection.unbind(token)).orElse(false);
		}

		@Override
		public int flood(int count, int size) {
			RpcConnection connection = RpcCaller.connection().orElseThrow();
			PreparedText text = PreparedText
				.of("{\"jsonrpc\":\"2.0\",\"method\":\"flood\",\"params\":[\"" + "x".repeat(size) + "\"]}");
			int sent = 0;
			while (sent < count && connection.send(text)) {
				sent++;
			}
			return sent;
		}

		@Override
		public List<Object> caller() {
			return Arrays.asList(RpcCaller.remoteAddress().orElse(null), RpcCaller.receivedNanos(), System.nanoTime(),
					RpcCaller.connection().isPresent());
		}

	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("secret detail of a getter");
		}

	}

}
