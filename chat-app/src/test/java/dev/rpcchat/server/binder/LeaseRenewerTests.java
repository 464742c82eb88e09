package dev.rpcchat.server.binder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LeaseRenewerTests {

	@Test
	void renewsEveryThirdOfTheLease() {
		LeaseRenewer renewer = new LeaseRenewer(Duration.ofSeconds(30));
		assertThat(renewer.renewInterval()).isEqualTo(Duration.ofSeconds(10));
		renewer.stop(Duration.ofSeconds(5));
	}

	@Test
	void retriesFailedAttemptsUntilOneSucceedsThenWaitsForTheRenewal() {
		LeaseRenewer renewer = new LeaseRenewer(Duration.ofHours(3));
		AtomicInteger attempts = new AtomicInteger();
		try {
			renewer.start(() -> attempts.incrementAndGet() >= 4);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(attempts).hasValue(4));
		}
		finally {
			renewer.stop(Duration.ofSeconds(5));
		}
		assertThat(attempts).hasValue(4);
	}

	@Test
	void stopsForGood() {
		LeaseRenewer renewer = new LeaseRenewer(Duration.ofHours(3));
		AtomicInteger attempts = new AtomicInteger();
		renewer.stop(Duration.ofSeconds(5));
		renewer.start(() -> attempts.incrementAndGet() > 0);
		assertThat(attempts).hasValue(0);
	}

}
