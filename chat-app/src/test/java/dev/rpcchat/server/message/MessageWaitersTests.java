package dev.rpcchat.server.message;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MessageWaitersTests {

	private final MessageWaiters waiters = new MessageWaiters();

	private static Message message(String room, MessageType type, String recipient) {
		return new Message(1, room, type, (type != MessageType.SYSTEM) ? "bob" : null, recipient, "x",
				Instant.parse("2026-01-01T00:00:00Z"));
	}

	private static boolean arrived(CompletableFuture<Boolean> next) throws Exception {
		return next.get(5, TimeUnit.SECONDS);
	}

	@Test
	void aMessageAppendedAfterRegisteringIsNeverMissed() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("Geral", "ana")) {
			this.waiters.appended(message("geral", MessageType.BROADCAST, null));
			assertThat(arrived(waiter.next(Duration.ofSeconds(5)))).isTrue();
		}
	}

	@Test
	void wakesAWaitingPollAndCountsTheWaiting() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			CompletableFuture<Boolean> woken = waiter.next(Duration.ofSeconds(30));
			assertThat(this.waiters.waiting()).isEqualTo(1);
			assertThat(woken).isNotDone();
			this.waiters.appended(message("GERAL", MessageType.SYSTEM, null));
			assertThat(woken.get(5, TimeUnit.SECONDS)).isTrue();
			await().until(() -> this.waiters.waiting() == 0);
		}
	}

	@Test
	void aWaitWithNothingToWakeItEndsWhenItsTimeIsUp() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			CompletableFuture<Boolean> woken = waiter.next(Duration.ofMillis(50));
			assertThat(woken.get(5, TimeUnit.SECONDS)).isFalse();
			await().until(() -> this.waiters.waiting() == 0);
		}
	}

	@Test
	void aUnicastWakesOnlyItsRecipient() throws Exception {
		try (MessageWaiters.Waiter ana = this.waiters.register("geral", "ana");
				MessageWaiters.Waiter cid = this.waiters.register("geral", "cid")) {
			this.waiters.appended(message("geral", MessageType.UNICAST, "CID"));
			assertThat(arrived(cid.next(Duration.ofSeconds(5)))).isTrue();
			assertThat(arrived(ana.next(Duration.ZERO))).isFalse();
		}
	}

	@Test
	void aMessageInAnotherRoomWakesNobody() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			this.waiters.appended(message("outra", MessageType.BROADCAST, null));
			assertThat(arrived(waiter.next(Duration.ofMillis(10)))).isFalse();
		}
	}

	@Test
	void aRearmedWaiterWaitsForTheNextMessage() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			this.waiters.appended(message("geral", MessageType.BROADCAST, null));
			assertThat(arrived(waiter.next(Duration.ZERO))).isTrue();
			waiter.rearm();
			assertThat(arrived(waiter.next(Duration.ZERO))).isFalse();
			this.waiters.appended(message("geral", MessageType.BROADCAST, null));
			assertThat(arrived(waiter.next(Duration.ZERO))).isTrue();
		}
	}

	@Test
	void shuttingDownEndsEveryWaitUntilResumed() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			this.waiters.wakeAllForShutdown();
			assertThat(arrived(waiter.next(Duration.ofSeconds(30)))).isFalse();
			this.waiters.resume();
			waiter.rearm();
			assertThat(arrived(waiter.next(Duration.ofMillis(10)))).isFalse();
		}
	}

}
