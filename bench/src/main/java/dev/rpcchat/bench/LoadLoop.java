package dev.rpcchat.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Drives one operation per simulated user, closed loop (each user as fast as its answers
 * come) or open loop (a fixed total rate, each latency measured from the intended start
 * so that a stall is not hidden by the requests it delayed), with warm-up and a progress
 * line.
 */
final class LoadLoop {

	private static final int MAX_PLATFORM_THREADS = 512;

	private final BenchOptions options;

	private final PrintStream progress;

	private final String lineStart;

	private final String lineEnd;

	LoadLoop(BenchOptions options, PrintStream progress) {
		this.options = options;
		this.progress = progress;
		// On a terminal the progress line rewrites itself; in a log it is one line per
		// second.
		boolean terminal = System.console() != null;
		this.lineStart = terminal ? "\r" : "";
		this.lineEnd = terminal ? "   " : System.lineSeparator();
	}

	/**
	 * Runs the workers through warm-up and the measured phase.
	 * @param workers one operation per simulated user
	 * @param recorders the recorders to start and tick; the first is shown on the
	 * progress line
	 * @param serverCpu CPU clocks started and stopped with the measured phase
	 * @return the {@link System#nanoTime()} at which the measured phase ended
	 * @throws InterruptedException when interrupted while waiting for the workers
	 */
	long run(List<Operation> workers, List<LatencyRecorder> recorders, ProcessCpu.Clocks serverCpu)
			throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + this.options.warmup().toNanos();
		long end = measureFrom + this.options.duration().toNanos();
		List<Thread> threads = new ArrayList<>(workers.size());
		LatencyRecorder headline = recorders.get(0);
		for (int k = 0; k < workers.size(); k++) {
			Operation operation = workers.get(k);
			int worker = k;
			Runnable loop = this.options.openLoop()
					? () -> openLoop(operation, headline, worker, workers.size(), start, end)
					: () -> closedLoop(operation, headline, end);
			threads.add(thread(workers.size(), "bench-user-" + k).start(loop));
		}
		if (this.options.warmup().isZero()) {
			recorders.forEach((recorder) -> recorder.startMeasuring(start));
			serverCpu.start();
		}
		showProgress(recorders, start, measureFrom, end, serverCpu);
		serverCpu.stop();
		for (Thread thread : threads) {
			thread.join();
		}
		return end;
	}

	private static Thread.Builder thread(int count, String name) {
		return (count <= MAX_PLATFORM_THREADS) ? Thread.ofPlatform().name(name).daemon()
				: Thread.ofVirtual().name(name);
	}

	private static void closedLoop(Operation operation, LatencyRecorder recorder, long end) {
		long sequence = 0;
		long now;
		while ((now = System.nanoTime()) < end) {
			try {
				long done = operation.run(sequence++, now);
				recorder.record(done - now);
			}
			catch (RpcCallException ex) {
				recorder.error(ex.code());
			}
		}
	}

	private void openLoop(Operation operation, LatencyRecorder recorder, int worker, int workers, long start,
			long end) {
		double period = 1e9 / this.options.rate();
		for (long sequence = worker;; sequence += workers) {
			long intended = start + (long) (sequence * period);
			if (intended >= end) {
				return;
			}
			long wait;
			while ((wait = intended - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			try {
				long done = operation.run(sequence, intended);
				recorder.record(done - intended);
			}
			catch (RpcCallException ex) {
				recorder.error(ex.code());
			}
		}
	}

	private void showProgress(List<LatencyRecorder> recorders, long start, long measureFrom, long end,
			ProcessCpu.Clocks serverCpu) {
		boolean measuring = this.options.warmup().isZero();
		long last = start;
		long tick = start;
		while (true) {
			tick += TimeUnit.SECONDS.toNanos(1);
			long wake = Math.min(tick, end);
			if (!measuring) {
				wake = Math.min(wake, measureFrom);
			}
			sleepUntil(wake);
			long now = System.nanoTime();
			Histogram interval = recorders.get(0).tick();
			for (int i = 1; i < recorders.size(); i++) {
				recorders.get(i).tick();
			}
			line(measuring ? "measure" : "warm-up", (now - start) / 1e9, interval, (now - last) / 1e9,
					recorders.get(0).errorCount());
			last = now;
			if (!measuring && now >= measureFrom) {
				recorders.forEach((recorder) -> recorder.startMeasuring(measureFrom));
				serverCpu.start();
				measuring = true;
				tick = now;
			}
			if (now >= end) {
				this.progress.print(this.lineStart.isEmpty() ? "" : System.lineSeparator());
				return;
			}
		}
	}

	private void line(String phase, double elapsed, Histogram interval, double seconds, long errors) {
		this.progress.printf(Locale.ROOT, "%s%-7s %6.1fs %10.1f ops/s  p50 %8.3f ms  p99 %8.3f ms  errors %d%s",
				this.lineStart, phase, elapsed, interval.getTotalCount() / Math.max(seconds, 1e-3),
				interval.getValueAtPercentile(50) / 1e6, interval.getValueAtPercentile(99) / 1e6, errors, this.lineEnd);
		this.progress.flush();
	}

	static void sleepUntil(long nanoTime) {
		long wait;
		while ((wait = nanoTime - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	/**
	 * One simulated user's operation.
	 */
	@FunctionalInterface
	interface Operation {

		/**
		 * Performs the operation once.
		 * @param sequence the operation's number
		 * @param startNanos when it was meant to start
		 * @return the {@link System#nanoTime()} at which the timed part ended
		 * @throws RpcCallException when it fails
		 */
		long run(long sequence, long startNanos) throws RpcCallException;

	}

}
