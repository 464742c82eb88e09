package dev.rpcchat.server.message;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

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

	@Test
	void aMessageAppendedAfterRegisteringIsNeverMissed() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("Geral", "ana")) {
			this.waiters.appended(message("geral", MessageType.BROADCAST, null));
			assertThat(waiter.await(Duration.ofSeconds(5))).isTrue();
		}
	}

	@Test
	void wakesAWaitingThreadAndCountsTheWaiting() throws Exception {
		try (var executor = Executors.newVirtualThreadPerTaskExecutor();
				MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
				try {
					return waiter.await(Duration.ofSeconds(30));
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}, executor);
			await().until(() -> this.waiters.waiting() == 1);
			this.waiters.appended(message("GERAL", MessageType.SYSTEM, null));
			assertThat(woken.get()).isTrue();
			assertThat(this.waiters.waiting()).isZero();
		}
	}

	@Test
	void aUnicastWakesOnlyItsRecipient() throws Exception {
		try (MessageWaiters.Waiter ana = this.waiters.register("geral", "ana");
				MessageWaiters.Waiter cid = this.waiters.register("geral", "cid")) {
			this.waiters.appended(message("geral", MessageType.UNICAST, "CID"));
			assertThat(cid.await(Duration.ofSeconds(5))).isTrue();
			assertThat(ana.await(Duration.ZERO)).isFalse();
		}
	}

	@Test
	void aMessageInAnotherRoomWakesNobody() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			this.waiters.appended(message("outra", MessageType.BROADCAST, null));
			assertThat(waiter.await(Duration.ofMillis(10))).isFalse();
		}
	}

	@Test
	void aRearmedWaiterWaitsForTheNextMessage() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			this.waiters.appended(message("geral", MessageType.BROADCAST, null));
			assertThat(waiter.await(Duration.ZERO)).isTrue();
			waiter.rearm();
			assertThat(waiter.await(Duration.ZERO)).isFalse();
			this.waiters.appended(message("geral", MessageType.BROADCAST, null));
			assertThat(waiter.await(Duration.ZERO)).isTrue();
		}
	}

	@Test
	void shuttingDownEndsEveryWaitUntilResumed() throws Exception {
		try (MessageWaiters.Waiter waiter = this.waiters.register("geral", "ana")) {
			this.waiters.wakeAllForShutdown();
			assertThat(waiter.await(Duration.ofSeconds(30))).isFalse();
			this.waiters.resume();
			waiter.rearm();
			assertThat(waiter.await(Duration.ofMillis(10))).isFalse();
		}
	}

}
