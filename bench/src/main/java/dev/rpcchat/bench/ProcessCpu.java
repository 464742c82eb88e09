package dev.rpcchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process on this machine (the server, or the load generator itself) spent
 * while the load was measured, read from {@code /proc/<pid>/stat}: operations per server
 * CPU second hardly change when other processes share the machine, where throughput does.
 */
final class ProcessCpu {

	private static final double TICKS_PER_SECOND = 100.0;

	private final long pid;

	private double startSeconds = Double.NaN;

	private double seconds = Double.NaN;

	ProcessCpu(long pid) {
		this.pid = pid;
	}

	/**
	 * Notes the server's CPU time now, as measuring starts.
	 */
	synchronized void start() {
		this.startSeconds = read();
	}

	/**
	 * Notes the server's CPU time now, as measuring ends.
	 */
	synchronized void stop() {
		this.seconds = read() - this.startSeconds;
	}

	/**
	 * The CPU time between {@link #start()} and {@link #stop()}.
	 * @return seconds, {@code NaN} when unknown
	 */
	synchronized double seconds() {
		return this.seconds;
	}

	private double read() {
		if (this.pid <= 0) {
			return Double.NaN;
		}
		try {
			return cpuSeconds(Files.readString(Path.of("/proc", Long.toString(this.pid), "stat")));
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Reads user and system time from a {@code /proc/<pid>/stat} line.
	 * @param stat the line
	 * @return utime + stime in seconds, at the usual 100 ticks per second
	 */
	static double cpuSeconds(String stat) {
		// The command name, in parentheses, may hold spaces: count fields after it.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		long utime = Long.parseLong(fields[11]);
		long stime = Long.parseLong(fields[12]);
		return (utime + stime) / TICKS_PER_SECOND;
	}

	/**
	 * Several clocks started and stopped together.
	 *
	 * @param clocks the clocks
	 */
	record Clocks(ProcessCpu... clocks) {

		void start() {
			for (ProcessCpu clock : this.clocks) {
				clock.start();
			}
		}

		void stop() {
			for (ProcessCpu clock : this.clocks) {
				clock.stop();
			}
		}

	}

}
