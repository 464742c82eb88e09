package dev.rpcchat.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryCheckTests {

	private final DeliveryCheck check = new DeliveryCheck(2);

	@Test
	void countsNothingWrongWhenEveryReceiverReadsEveryMessageOfItsRoomOnce() {
		DeliveryCheck.Reader first = this.check.reader(0);
		DeliveryCheck.Reader second = this.check.reader(0);
		DeliveryCheck.Reader other = this.check.reader(1);
		long a = send(0);
		long b = send(1);
		first.read(a, 10);
		second.read(a, 10);
		other.read(b, 4);
		assertThat(this.check.awaitCaughtUp(Duration.ZERO)).isTrue();
		assertThat(this.check.summary()).isEqualTo(new DeliveryCheck.Summary(2, 3, 0, 0, 0, 0));
	}

	@Test
	void countsAnAcknowledgedMessageAReceiverNeverReadAsLostForThatReceiver() {
		DeliveryCheck.Reader first = this.check.reader(0);
		this.check.reader(0);
		long a = send(0);
		first.read(a, 10);
		assertThat(this.check.awaitCaughtUp(Duration.ofMillis(10))).isFalse();
		assertThat(this.check.summary().lost()).isEqualTo(1);
	}

	@Test
	void countsOneSendReadUnderTwoIdsAsStoredTwiceOnce() {
		DeliveryCheck.Reader first = this.check.reader(0);
		DeliveryCheck.Reader second = this.check.reader(0);
		long a = send(0);
		for (DeliveryCheck.Reader reader : new DeliveryCheck.Reader[] { first, second }) {
			reader.read(a, 10);
			reader.read(a, 11);
		}
		assertThat(this.check.summary().storedTwice()).isEqualTo(1);
		assertThat(this.check.summary().readTwice()).isZero();
	}

	@Test
	void countsAMessageReadAgainUnderItsIdAsReadTwice() {
		DeliveryCheck.Reader reader = this.check.reader(0);
		long a = send(0);
		long b = send(0);
		reader.read(a, 10);
		reader.read(b, 11);
		reader.read(b, 11);
		assertThat(this.check.summary().readTwice()).isEqualTo(1);
		assertThat(this.check.summary().storedTwice()).isZero();
	}

	@Test
	void countsAMessageStoredWhoseSendGotNoAnswerApartFromLosses() {
		DeliveryCheck.Reader reader = this.check.reader(0);
		long unanswered = this.check.nextTag();
		reader.read(unanswered, 10);
		assertThat(this.check.summary()).isEqualTo(new DeliveryCheck.Summary(0, 1, 0, 0, 0, 1));
	}

	private long send(int room) {
		long tag = this.check.nextTag();
		this.check.acknowledged(room, tag);
		return tag;
	}

}
