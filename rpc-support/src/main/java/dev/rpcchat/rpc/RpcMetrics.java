package dev.rpcchat.rpc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records each call in the timer {@code rpc.server.calls}, tagged by method (known names
 * only, so the tag stays bounded), outcome and error code.
 */
final class RpcMetrics {

	static final String TIMER = "rpc.server.calls";

	static final String UNKNOWN_METHOD = "unknown";

	private final MeterRegistry registry;

	private final Set<String> knownMethods;

	private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	RpcMetrics(MeterRegistry registry, Set<String> knownMethods) {
		this.registry = registry;
		this.knownMethods = Set.copyOf(knownMethods);
	}

	/**
	 * Starts timing a call.
	 * @return the start, to hand to {@link #record}
	 */
	long start() {
		return this.registry.config().clock().monotonicTime();
	}

	/**
	 * Records a finished call.
	 * @param start what {@link #start()} returned
	 * @param method the method the call named, or {@code null}
	 * @param code 0 on success, else the JSON-RPC error code
	 */
	void record(long start, String method, int code) {
		long elapsed = this.registry.config().clock().monotonicTime() - start;
		String tag = (method != null && this.knownMethods.contains(method)) ? method : UNKNOWN_METHOD;
		this.timers.computeIfAbsent(new TimerKey(tag, code), this::timer).record(elapsed, TimeUnit.NANOSECONDS);
	}

	private Timer timer(TimerKey key) {
		return Timer.builder(TIMER)
			.description("JSON-RPC calls served")
			.tag("method", key.method())
			.tag("outcome", (key.code() == 0) ? "success" : "error")
			.tag("code", Integer.toString(key.code()))
			.register(this.registry);
	}

	private record TimerKey(String method, int code) {
	}

}
