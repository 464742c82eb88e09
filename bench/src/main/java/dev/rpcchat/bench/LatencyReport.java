package dev.rpcchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one run: throughput, latency percentiles and errors of each measured
 * operation, as a table or as JSON, optionally as ratios to earlier runs such as the
 * no-op ceiling.
 *
 * @param label the run's name
 * @param scenario the scenario
 * @param setup how the load was made (users, rooms, loop, client), one line
 * @param series one entry per measured operation; the first is the headline
 * @param notes further findings, one line each
 * @param serverCpuSeconds the CPU time the server spent while measured, {@code NaN} when
 * unknown
 * @param baselines earlier runs to compare the headline with, the no-op ceiling first
 * @param failovers calls that moved to another server when theirs stopped answering
 * @param messages what became of the messages sent, or {@code null} when the scenario
 * does not follow them
 */
record LatencyReport(String label, String scenario, String setup, List<Series> series, List<String> notes,
		double serverCpuSeconds, List<Baseline> baselines, ChatServers.Failovers failovers,
		DeliveryCheck.Summary messages) {

	LatencyReport {
		Objects.requireNonNull(label, "label");
		series = List.copyOf(series);
		notes = List.copyOf(notes);
		baselines = List.copyOf(baselines);
		failovers = (failovers != null) ? failovers : ChatServers.Failovers.NONE;
	}

	/**
	 * Returns this report compared with one more earlier run.
	 * @param baseline the earlier run's headline
	 * @return a copy with the baseline
	 */
	LatencyReport comparedWith(Baseline baseline) {
		List<Baseline> all = new ArrayList<>(this.baselines);
		all.add(baseline);
		return new LatencyReport(this.label, this.scenario, this.setup, this.series, this.notes, this.serverCpuSeconds,
				all, this.failovers, this.messages);
	}

	/**
	 * Formats the report for a terminal.
	 * @return the table, several lines
	 */
	String toTable() {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "%s (%s): %s%n", this.label, this.scenario, this.setup));
		table.append(String.format(Locale.ROOT, "%-26s %10s %10s %9s %9s %9s %9s %9s  %s%n", "operation", "count",
				"ops/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors"));
		for (Series row : this.series) {
			table.append(String.format(Locale.ROOT, "%-26s %10d %10.1f %9.3f %9.3f %9.3f %9.3f %9.3f  %s%n", row.name(),
					row.count(), row.throughput(), row.p50Millis(), row.p90Millis(), row.p99Millis(), row.p999Millis(),
					row.maxMillis(), errorsText(row.errors())));
		}
		if (Double.isFinite(this.serverCpuSeconds)) {
			table.append(String.format(Locale.ROOT,
					"server CPU %.2f s in %.1f s measured: %.1f us per operation, %.1f operations per CPU second%n",
					this.serverCpuSeconds, headline().seconds(), 1e6 / opsPerProcessCpuSecond(),
					opsPerProcessCpuSecond()));
		}
		for (Baseline baseline : this.baselines) {
			table.append(String.format(Locale.ROOT,
					"vs %s (%.1f ops/s, p50 %.3f ms, p99 %.3f ms): throughput %.1f %%, p50 x%.2f, p99 x%.2f%s%n",
					baseline.label(), baseline.throughput(), baseline.p50Millis(), baseline.p99Millis(),
					100 * throughputRatio(baseline), p50Ratio(baseline), p99Ratio(baseline), cpuRatioText(baseline)));
		}
		table.append(failoversText()).append(System.lineSeparator());
		if (this.messages != null) {
			table.append(messagesText()).append(System.lineSeparator());
		}
		for (String note : this.notes) {
			table.append("  ").append(note).append(System.lineSeparator());
		}
		return table.toString();
	}

	private String failoversText() {
		if (this.failovers.calls() == 0) {
			return "failovers: none";
		}
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"failovers: %,d calls found their server gone and were made again at another (%,d of them failed there too):",
				this.failovers.calls(), this.failovers.failedAgain()));
		this.failovers.moves()
			.forEach((route, count) -> text.append(String.format(Locale.ROOT, " %s %,d;", route, count)));
		text.setLength(text.length() - 1);
		return text.toString();
	}

	private String messagesText() {
		DeliveryCheck.Summary check = this.messages;
		return String.format(Locale.ROOT,
				"messages: %,d sends acknowledged, followed to %,d receivers: %,d lost, %,d stored twice, %,d read twice"
						+ " (%,d stored whose send got no answer)",
				check.acknowledged(), check.readers(), check.lost(), check.storedTwice(), check.readTwice(),
				check.storedUnacknowledged());
	}

	/**
	 * The headline throughput as a fraction of an earlier run's.
	 * @param baseline the earlier run
	 * @return the ratio
	 */
	double throughputRatio(Baseline baseline) {
		return headline().throughput() / baseline.throughput();
	}

	/**
	 * Operations per second of server CPU time: the throughput one dedicated core would
	 * reach, if the server were CPU-bound.
	 * @return the rate, {@code NaN} when the server's CPU time is unknown
	 */
	double opsPerProcessCpuSecond() {
		return (this.serverCpuSeconds > 0) ? headline().count() / this.serverCpuSeconds : Double.NaN;
	}

	/**
	 * Operations per server CPU second as a fraction of an earlier run's.
	 * @param baseline the earlier run
	 * @return the ratio, {@code NaN} when either is unknown
	 */
	double cpuRatio(Baseline baseline) {
		return opsPerProcessCpuSecond() / baseline.opsPerProcessCpuSecond();
	}

	private String cpuRatioText(Baseline baseline) {
		double ratio = cpuRatio(baseline);
		return Double.isFinite(ratio) ? String.format(Locale.ROOT, ", per server CPU second %.1f %%", 100 * ratio) : "";
	}

	double p50Ratio(Baseline baseline) {
		return headline().p50Millis() / baseline.p50Millis();
	}

	double p99Ratio(Baseline baseline) {
		return headline().p99Millis() / baseline.p99Millis();
	}

	private Series headline() {
		return this.series.isEmpty() ? Series.of("none", new Histogram(1, 1), Map.of(), 1) : this.series.get(0);
	}

	/**
	 * Formats the report as JSON.
	 * @return a JSON object, pretty-printed
	 */
	String toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("label", this.label);
		json.put("scenario", this.scenario);
		json.put("setup", this.setup);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Series row : this.series) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("operation", row.name());
			entry.put("count", row.count());
			entry.put("seconds", round(row.seconds()));
			entry.put("throughput", round(row.throughput()));
			entry.put("p50_ms", round(row.p50Millis()));
			entry.put("p90_ms", round(row.p90Millis()));
			entry.put("p99_ms", round(row.p99Millis()));
			entry.put("p99_9_ms", round(row.p999Millis()));
			entry.put("max_ms", round(row.maxMillis()));
			entry.put("errors", row.errors());
			rows.add(entry);
		}
		json.put("series", rows);
		json.put("notes", this.notes);
		json.put("server_cpu_seconds", Double.isFinite(this.serverCpuSeconds) ? round(this.serverCpuSeconds) : null);
		json.put("ops_per_server_cpu_second",
				Double.isFinite(opsPerProcessCpuSecond()) ? round(opsPerProcessCpuSecond()) : null);
		List<Map<String, Object>> comparisons = new ArrayList<>();
		for (Baseline baseline : this.baselines) {
			Map<String, Object> comparison = new LinkedHashMap<>();
			comparison.put("label", baseline.label());
			comparison.put("throughput", round(baseline.throughput()));
			comparison.put("p50_ms", round(baseline.p50Millis()));
			comparison.put("p99_ms", round(baseline.p99Millis()));
			comparison.put("throughput_ratio", round(throughputRatio(baseline)));
			comparison.put("p50_ratio", round(p50Ratio(baseline)));
			comparison.put("p99_ratio", round(p99Ratio(baseline)));
			double cpuRatio = cpuRatio(baseline);
			comparison.put("ops_per_server_cpu_second_ratio", Double.isFinite(cpuRatio) ? round(cpuRatio) : null);
			comparisons.add(comparison);
		}
		json.put("compared_with", comparisons);
		Map<String, Object> failovers = new LinkedHashMap<>();
		failovers.put("calls", this.failovers.calls());
		failovers.put("failed_again", this.failovers.failedAgain());
		failovers.put("moves", this.failovers.moves());
		json.put("failovers", failovers);
		if (this.messages != null) {
			Map<String, Object> messages = new LinkedHashMap<>();
			messages.put("acknowledged", this.messages.acknowledged());
			messages.put("receivers", this.messages.readers());
			messages.put("lost", this.messages.lost());
			messages.put("stored_twice", this.messages.storedTwice());
			messages.put("read_twice", this.messages.readTwice());
			messages.put("stored_unacknowledged", this.messages.storedUnacknowledged());
			json.put("messages", messages);
		}
		try {
			return RpcClient.mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write the report as JSON", ex);
		}
	}

	private static double round(double value) {
		return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : 0;
	}

	private static String errorsText(Map<String, Long> errors) {
		if (errors.isEmpty()) {
			return "none";
		}
		StringBuilder text = new StringBuilder();
		errors
			.forEach((code, count) -> text.append(text.isEmpty() ? "" : ", ").append(code).append(": ").append(count));
		return text.toString();
	}

	/**
	 * One measured operation.
	 *
	 * @param name the operation
	 * @param count successful operations
	 * @param seconds how long it was measured
	 * @param p50Micros median latency in microseconds
	 * @param p90Micros 90th percentile in microseconds
	 * @param p99Micros 99th percentile in microseconds
	 * @param p999Micros 99.9th percentile in microseconds
	 * @param maxMicros the slowest in microseconds
	 * @param errors failed operations by code
	 */
	record Series(String name, long count, double seconds, double p50Micros, double p90Micros, double p99Micros,
			double p999Micros, double maxMicros, Map<String, Long> errors) {

		Series {
			errors = Collections.unmodifiableMap(new TreeMap<>(errors));
		}

		/**
		 * Sums up a histogram of nanosecond latencies.
		 * @param name the operation
		 * @param nanos the latencies
		 * @param errors failed operations by code
		 * @param seconds how long it was measured
		 * @return the series
		 */
		static Series of(String name, Histogram nanos, Map<String, Long> errors, double seconds) {
			long count = nanos.getTotalCount();
			return new Series(name, count, seconds, micros(nanos, 50), micros(nanos, 90), micros(nanos, 99),
					micros(nanos, 99.9), (count > 0) ? nanos.getMaxValue() / 1e3 : 0, new LinkedHashMap<>(errors));
		}

		private static double micros(Histogram nanos, double percentile) {
			return (nanos.getTotalCount() > 0) ? nanos.getValueAtPercentile(percentile) / 1e3 : 0;
		}

		double throughput() {
			return this.count / this.seconds;
		}

		double p50Millis() {
			return this.p50Micros / 1e3;
		}

		double p90Millis() {
			return this.p90Micros / 1e3;
		}

		double p99Millis() {
			return this.p99Micros / 1e3;
		}

		double p999Millis() {
			return this.p999Micros / 1e3;
		}

		double maxMillis() {
			return this.maxMicros / 1e3;
		}

	}

	/**
	 * The headline figures of an earlier run, such as the no-op ceiling.
	 *
	 * @param label the earlier run's label
	 * @param throughput operations per second
	 * @param p50Millis median latency
	 * @param p99Millis 99th percentile
	 * @param opsPerProcessCpuSecond operations per second of server CPU time, {@code NaN}
	 * when unknown
	 */
	record Baseline(String label, double throughput, double p50Millis, double p99Millis,
			double opsPerProcessCpuSecond) {

		/**
		 * Reads the headline of a report written with {@code --json FILE}.
		 * @param file the JSON report
		 * @return its figures
		 * @throws IOException when the file cannot be read
		 */
		static Baseline read(Path file) throws IOException {
			JsonNode report = RpcClient.mapper.readTree(Files.readAllBytes(file));
			JsonNode headline = report.path("series").path(0);
			if (headline.isMissingNode()) {
				throw new IOException(file + " is not a bench JSON report");
			}
			JsonNode cpu = report.path("ops_per_server_cpu_second");
			return new Baseline(report.path("label").asText("baseline"), headline.path("throughput").asDouble(),
					headline.path("p50_ms").asDouble(), headline.path("p99_ms").asDouble(),
					cpu.isNumber() ? cpu.asDouble() : Double.NaN);
		}

	}

}
