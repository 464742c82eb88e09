package dev.rpcchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyReportTests {

	@TempDir
	Path directory;

	@Test
	void sumsUpAHistogramOfNanosecondsAsThroughputAndPercentiles() {
		LatencyReport.Series series = LatencyReport.Series.of("send_message", oneToOneThousandMicros(), Map.of(), 10.0);
		assertThat(series.count()).isEqualTo(1000);
		assertThat(series.throughput()).isEqualTo(100.0);
		assertThat(series.p50Millis()).isCloseTo(0.5, within(0.001));
		assertThat(series.p90Millis()).isCloseTo(0.9, within(0.001));
		assertThat(series.p99Millis()).isCloseTo(0.99, within(0.001));
		assertThat(series.p999Millis()).isCloseTo(0.999, within(0.001));
		assertThat(series.maxMillis()).isCloseTo(1.0, within(0.001));
	}

	@Test
	void reportsZerosForAnOperationThatNeverSucceeded() {
		LatencyReport.Series series = LatencyReport.Series.of("noop",
				new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_NANOS, 3), Map.of("io", 3L), 1.0);
		assertThat(series.count()).isZero();
		assertThat(series.p99Millis()).isZero();
		assertThat(series.maxMillis()).isZero();
		assertThat(series.errors()).containsEntry("io", 3L);
	}

	@Test
	void printsOneRowPerOperationWithErrorsByCode() {
		LatencyReport report = report(Map.of("1009", 4L, "io", 1L));
		String table = report.toTable();
		assertThat(table).contains("send (send): 16 users");
		assertThat(table)
			.containsPattern("operation\\s+count\\s+ops/s\\s+p50 ms\\s+p90 ms\\s+p99 ms\\s+p99.9 ms\\s+max ms");
		assertThat(table).containsPattern("send_message\\s+1000\\s+100.0\\s+0.500\\s+0.900\\s+0.990\\s+0.999\\s+1.000");
		assertThat(table).contains("1009: 4, io: 1");
		assertThat(table).contains("a note");
		assertThat(table).doesNotContain("vs ");
	}

	@Test
	void printsNoneWhenThereWereNoErrors() {
		assertThat(report(Map.of()).toTable()).containsPattern("1.000\\s+none");
	}

	@Test
	void comparesTheHeadlineWithTheNoopCeilingAndOtherEarlierRuns() {
		LatencyReport.Baseline noop = new LatencyReport.Baseline("noop", 125.0, 0.25, 0.5, Double.NaN);
		LatencyReport report = report(Map.of()).comparedWith(noop)
			.comparedWith(new LatencyReport.Baseline("join-100", 200.0, 0.5, 0.99, Double.NaN));
		assertThat(report.throughputRatio(noop)).isEqualTo(0.8);
		assertThat(report.toTable()).contains("vs noop (125.0 ops/s, p50 0.250 ms, p99 0.500 ms)")
			.contains("throughput 80.0 %, p50 x2.00, p99 x1.98")
			.contains("vs join-100 (200.0 ops/s, p50 0.500 ms, p99 0.990 ms): throughput 50.0 %, p50 x1.00, p99 x1.00");
	}

	@Test
	void writesJsonThatANoopRunCanBeReadBackFromAsTheCeiling() throws IOException {
		LatencyReport report = report(Map.of("1009", 4L));
		JsonNode json = RpcClient.mapper.readTree(report.toJson());
		assertThat(json.path("label").asText()).isEqualTo("send");
		JsonNode headline = json.path("series").path(0);
		assertThat(headline.path("operation").asText()).isEqualTo("send_message");
		assertThat(headline.path("count").asLong()).isEqualTo(1000);
		assertThat(headline.path("throughput").asDouble()).isEqualTo(100.0);
		assertThat(headline.path("p99_ms").asDouble()).isCloseTo(0.99, within(0.001));
		assertThat(headline.path("errors").path("1009").asLong()).isEqualTo(4);
		assertThat(json.path("compared_with")).isEmpty();
		Path file = this.directory.resolve("send.json");
		Files.writeString(file, report.toJson());
		LatencyReport.Baseline baseline = LatencyReport.Baseline.read(file);
		assertThat(baseline.label()).isEqualTo("send");
		assertThat(baseline.throughput()).isEqualTo(100.0);
		assertThat(baseline.p50Millis()).isCloseTo(0.5, within(0.001));
	}

	@Test
	void writesTheRatiosToEarlierRunsInJson() throws IOException {
		LatencyReport report = report(Map.of())
			.comparedWith(new LatencyReport.Baseline("noop", 200.0, 0.25, 0.5, Double.NaN));
		JsonNode noop = RpcClient.mapper.readTree(report.toJson()).path("compared_with").path(0);
		assertThat(noop.path("label").asText()).isEqualTo("noop");
		assertThat(noop.path("throughput").asDouble()).isEqualTo(200.0);
		assertThat(noop.path("throughput_ratio").asDouble()).isEqualTo(0.5);
		assertThat(noop.path("p50_ratio").asDouble()).isCloseTo(2.0, within(0.01));
	}

	@Test
	void reportsTheServersCpuTimePerOperationAndComparesIt() throws IOException {
		LatencyReport.Series series = LatencyReport.Series.of("send_message", oneToOneThousandMicros(), Map.of(), 10.0);
		LatencyReport report = new LatencyReport("send", "send", "setup", List.of(series), List.of(), 2.0, List.of(),
				null, null)
			.comparedWith(new LatencyReport.Baseline("noop", 200.0, 0.25, 0.5, 1000.0));
		assertThat(report.opsPerProcessCpuSecond()).isEqualTo(500.0);
		assertThat(report.toTable())
			.contains("server CPU 2.00 s in 10.0 s measured: 2000.0 us per operation, 500.0 operations per CPU second")
			.contains("per server CPU second 50.0 %");
		JsonNode json = RpcClient.mapper.readTree(report.toJson());
		assertThat(json.path("ops_per_server_cpu_second").asDouble()).isEqualTo(500.0);
		assertThat(json.path("compared_with").path(0).path("ops_per_server_cpu_second_ratio").asDouble())
			.isEqualTo(0.5);
		Path file = this.directory.resolve("send.json");
		Files.writeString(file, report.toJson());
		assertThat(LatencyReport.Baseline.read(file).opsPerProcessCpuSecond()).isEqualTo(500.0);
	}

	@Test
	void countsFailoversApartFromErrorsAndSaysWhatBecameOfTheMessages() throws IOException {
		LatencyReport.Series series = LatencyReport.Series.of("send_message", oneToOneThousandMicros(), Map.of(), 10.0);
		ChatServers.Failovers failovers = new ChatServers.Failovers(
				Map.of("http://127.0.0.1:1/rpc -> http://127.0.0.1:2/rpc", 7L), 1);
		DeliveryCheck.Summary messages = new DeliveryCheck.Summary(900, 4, 0, 0, 0, 2);
		LatencyReport report = new LatencyReport("delivery", "delivery", "setup", List.of(series), List.of(),
				Double.NaN, List.of(), failovers, messages);
		assertThat(report.toTable())
			.contains("failovers: 7 calls found their server gone and were made again at "
					+ "another (1 of them failed there too): http://127.0.0.1:1/rpc -> http://127.0.0.1:2/rpc 7")
			.contains("messages: 900 sends acknowledged, followed to 4 receivers: 0 lost, 0 stored twice, "
					+ "0 read twice (2 stored whose send got no answer)");
		JsonNode json = RpcClient.mapper.readTree(report.toJson());
		assertThat(json.path("failovers").path("calls").asLong()).isEqualTo(7);
		assertThat(json.path("failovers").path("failed_again").asLong()).isEqualTo(1);
		assertThat(json.path("messages").path("lost").asLong()).isZero();
		assertThat(json.path("messages").path("stored_unacknowledged").asLong()).isEqualTo(2);
	}

	@Test
	void saysThereWereNoFailoversAndLeavesMessagesOutWhenNotFollowed() throws IOException {
		LatencyReport report = report(Map.of());
		assertThat(report.toTable()).contains("failovers: none").doesNotContain("messages:");
		JsonNode json = RpcClient.mapper.readTree(report.toJson());
		assertThat(json.path("failovers").path("calls").asLong()).isZero();
		assertThat(json.has("messages")).isFalse();
	}

	@Test
	void leavesTheServersCpuOutWhenItIsUnknown() throws IOException {
		LatencyReport report = report(Map.of());
		assertThat(report.toTable()).doesNotContain("server CPU");
		assertThat(RpcClient.mapper.readTree(report.toJson()).path("ops_per_server_cpu_second").isNull()).isTrue();
	}

	@Test
	void discardsWhatWasRecordedDuringTheWarmUp() {
		LatencyRecorder recorder = new LatencyRecorder("noop");
		recorder.record(TimeUnit.SECONDS.toNanos(1));
		recorder.error("io");
		recorder.startMeasuring(0);
		recorder.record(TimeUnit.MICROSECONDS.toNanos(100));
		recorder.tick();
		recorder.record(TimeUnit.MICROSECONDS.toNanos(300));
		recorder.error("1009");
		LatencyReport.Series series = recorder.finish(TimeUnit.SECONDS.toNanos(2));
		assertThat(series.count()).isEqualTo(2);
		assertThat(series.throughput()).isEqualTo(1.0);
		assertThat(series.maxMillis()).isCloseTo(0.3, within(0.001));
		assertThat(series.errors()).containsOnlyKeys("1009");
	}

	private static LatencyReport report(Map<String, Long> errors) {
		LatencyReport.Series series = LatencyReport.Series.of("send_message", oneToOneThousandMicros(), errors, 10.0);
		return new LatencyReport("send", "send", "16 users, 1 rooms, closed loop", List.of(series), List.of("a note"),
				Double.NaN, List.of(), null, null);
	}

	private static Histogram oneToOneThousandMicros() {
		Histogram histogram = new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_NANOS, 3);
		for (int micros = 1; micros <= 1000; micros++) {
			histogram.recordValue(TimeUnit.MICROSECONDS.toNanos(micros));
		}
		return histogram;
	}

}
