package dev.rpcchat.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collects the latencies and errors of one kind of operation from many threads, without
 * locks on the recording path; what is recorded before {@link #startMeasuring} is warm-up
 * and discarded.
 */
final class LatencyRecorder {

	static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(5);

	private final String name;

	private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);

	private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private Histogram interval;

	private long startNanos;

	private boolean measuring;

	LatencyRecorder(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	/**
	 * Records one successful operation.
	 * @param nanos its latency
	 */
	void record(long nanos) {
		this.recorder.recordValue(Math.clamp(nanos, 0, HIGHEST_TRACKABLE_NANOS));
	}

	/**
	 * Records one failed operation.
	 * @param code the error's key
	 */
	void error(String code) {
		this.errors.computeIfAbsent(code, (key) -> new LongAdder()).increment();
	}

	/**
	 * Ends the warm-up: forgets everything recorded so far.
	 * @param nowNanos the current {@link System#nanoTime()}
	 */
	synchronized void startMeasuring(long nowNanos) {
		this.interval = this.recorder.getIntervalHistogram(this.interval);
		this.total.reset();
		this.errors.clear();
		this.startNanos = nowNanos;
		this.measuring = true;
	}

	/**
	 * Takes what was recorded since the last tick, adding it to the total when measuring.
	 * @return the interval's histogram, valid until the next tick
	 */
	synchronized Histogram tick() {
		this.interval = this.recorder.getIntervalHistogram(this.interval);
		if (this.measuring) {
			this.total.add(this.interval);
		}
		return this.interval;
	}

	long errorCount() {
		return this.errors.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/**
	 * Ends measuring and sums it up.
	 * @param nowNanos the current {@link System#nanoTime()}
	 * @return the series for the report
	 */
	synchronized LatencyReport.Series finish(long nowNanos) {
		tick();
		this.measuring = false;
		Map<String, Long> errorCounts = new TreeMap<>();
		this.errors.forEach((code, count) -> errorCounts.put(code, count.sum()));
		double seconds = Math.max(nowNanos - this.startNanos, 1) / 1e9;
		return LatencyReport.Series.of(this.name, this.total, errorCounts, seconds);
	}

}
