package dev.rpcchat.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.rpcchat.bench.BenchOptions.ClientKind;
import dev.rpcchat.bench.BenchOptions.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	@Test
	void defaultsToSixteenUsersSendingClosedLoopThroughTheWellKnownBinder() {
		BenchOptions options = BenchOptions.parse();
		assertThat(options.binder()).isEqualTo(URI.create("http://localhost:5000/rpc"));
		assertThat(options.target()).isNull();
		assertThat(options.scenario()).isEqualTo(Scenario.SEND);
		assertThat(options.users()).isEqualTo(16);
		assertThat(options.rooms()).isEqualTo(1);
		assertThat(options.openLoop()).isFalse();
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.client()).isEqualTo(ClientKind.RAW);
		assertThat(options.json()).isFalse();
		assertThat(options.label()).isEqualTo("send");
	}

	@Test
	void readsOptionsWithSpaceOrEqualsSign() {
		BenchOptions options = BenchOptions.parse("--binder", "http://127.0.0.1:41234/rpc", "--scenario=delivery",
				"--users", "32", "--rooms=4", "--duration", "2m", "--warmup=500ms", "--rate", "1_000", "--receivers",
				"3", "--client", "jdk", "--label", "delivery-1k");
		assertThat(options.binder()).isEqualTo(URI.create("http://127.0.0.1:41234/rpc"));
		assertThat(options.scenario()).isEqualTo(Scenario.DELIVERY);
		assertThat(options.users()).isEqualTo(32);
		assertThat(options.rooms()).isEqualTo(4);
		assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
		assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.rate()).isEqualTo(1000);
		assertThat(options.openLoop()).isTrue();
		assertThat(options.receivers()).isEqualTo(3);
		assertThat(options.client()).isEqualTo(ClientKind.JDK);
		assertThat(options.label()).isEqualTo("delivery-1k");
	}

	@Test
	void joinsAndLeavesUnlessAskedToRejoin() {
		assertThat(BenchOptions.parse("--scenario", "join").rejoin()).isFalse();
		assertThat(BenchOptions.parse("--scenario", "join", "--join-mode", "rejoin").rejoin()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--join-mode", "twice"))
			.withMessage("--join-mode must be cycle or rejoin: 'twice'");
	}

	@Test
	void takesABareNumberOfSecondsAsADuration() {
		assertThat(BenchOptions.parse("--duration", "7").duration()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void givesEachScenarioItsOwnDefaultHistory() {
		assertThat(BenchOptions.parse("--scenario", "receive").history()).isEqualTo(10_000);
		assertThat(BenchOptions.parse("--scenario", "join").history()).isEqualTo(100);
		assertThat(BenchOptions.parse("--scenario", "JOIN", "--history", "1000000").history()).isEqualTo(1_000_000);
		assertThat(BenchOptions.parse("--scenario", "send").history()).isZero();
		assertThat(BenchOptions.parse("--scenario", "history").history()).isEqualTo(1_000_000);
	}

	@Test
	void takesAnHttpsBinderAndCertificatesToTrust() {
		BenchOptions options = BenchOptions.parse("--binder", "https://localhost:5443/rpc", "--trust", "server.pem");
		assertThat(options.binder()).isEqualTo(URI.create("https://localhost:5443/rpc"));
		assertThat(options.trust()).isEqualTo(Path.of("server.pem"));
		assertThat(BenchOptions.parse().trust()).isNull();
	}

	@Test
	void printsJsonToStandardOutputOrToTheFileThatFollows() {
		BenchOptions toStdout = BenchOptions.parse("--json", "--users", "2");
		assertThat(toStdout.json()).isTrue();
		assertThat(toStdout.jsonFile()).isNull();
		assertThat(toStdout.users()).isEqualTo(2);
		assertThat(BenchOptions.parse("--json", "out.json").jsonFile()).isEqualTo(Path.of("out.json"));
		assertThat(BenchOptions.parse("--json=out.json").jsonFile()).isEqualTo(Path.of("out.json"));
	}

	@Test
	void readsEarlierReportsToCompareWithAndATarget() {
		BenchOptions options = BenchOptions.parse("--ceiling", "noop.json", "--target", "http://localhost:9/rpc",
				"--ceiling", "join-100.json");
		assertThat(options.compareWith()).containsExactly(Path.of("noop.json"), Path.of("join-100.json"));
		assertThat(options.target()).isEqualTo(URI.create("http://localhost:9/rpc"));
	}

	@Test
	void refusesWhatItDoesNotKnowWithAOneLineReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--colour", "red"))
			.withMessage("unknown option --colour");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--scenario", "chat"))
			.withMessageStartingWith("--scenario must be one of");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--users", "many"))
			.withMessage("--users is not a number: 'many'");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--duration", "soon"))
			.withMessage("--duration is not a duration: 'soon'");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--binder", "localhost:5000"))
			.withMessageStartingWith("--binder must be an http:// or https:// URL");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--users"))
			.withMessage("--users needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("users"))
			.withMessage("unexpected argument 'users'");
	}

	@Test
	void refusesNumbersOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--users", "0"))
			.withMessage("--users must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--users", "2", "--rooms", "3"))
			.withMessage("--rooms must not exceed --users");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--rate", "-1"))
			.withMessage("--rate must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--duration", "0s"))
			.withMessage("--duration must be positive");
	}

}
