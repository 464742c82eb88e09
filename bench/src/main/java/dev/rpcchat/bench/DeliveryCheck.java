package dev.rpcchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows every message of a run from its send to each receiver of its room: which sends
 * were acknowledged, which messages each receiver read, so that the report can say how
 * many were lost, stored twice or read twice. A message carries a tag of its own in its
 * content; a send made again keeps its tag (and its {@code client_msg_id}).
 */
final class DeliveryCheck {

	private final AtomicLong tags = new AtomicLong();

	private final List<BitSet> acknowledged = new ArrayList<>();

	private final List<Reader> readers = new ArrayList<>();

	/**
	 * Creates a check for a number of rooms.
	 * @param rooms how many rooms, known by their index
	 */
	DeliveryCheck(int rooms) {
		for (int i = 0; i < rooms; i++) {
			this.acknowledged.add(new BitSet());
		}
	}

	/**
	 * A tag for one more message.
	 * @return a tag no other message of the run has
	 */
	long nextTag() {
		return this.tags.getAndIncrement();
	}

	/**
	 * Notes a send the server acknowledged.
	 * @param room the room's index
	 * @param tag the message's tag
	 */
	void acknowledged(int room, long tag) {
		BitSet sent = this.acknowledged.get(room);
		synchronized (sent) {
			sent.set(Math.toIntExact(tag));
		}
	}

	/**
	 * A receiver to follow, before the run starts.
	 * @param room the index of its room
	 * @return what it read
	 */
	synchronized Reader reader(int room) {
		Reader reader = new Reader(room);
		this.readers.add(reader);
		return reader;
	}

	/**
	 * Waits until every receiver has read every acknowledged message of its room, or the
	 * time is up.
	 * @param patience how long to wait at most
	 * @return whether they all caught up
	 */
	boolean awaitCaughtUp(Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (missing() > 0) {
			if (System.nanoTime() >= deadline) {
				return false;
			}
			LoadLoop.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
		}
		return true;
	}

	private long missing() {
		long missing = 0;
		for (Reader reader : readers()) {
			missing += reader.missing(acknowledgedCopy(reader.room));
		}
		return missing;
	}

	/**
	 * Sums it up.
	 * @return the counts
	 */
	Summary summary() {
		long acknowledgedSends = 0;
		for (int room = 0; room < this.acknowledged.size(); room++) {
			acknowledgedSends += acknowledgedCopy(room).cardinality();
		}
		long lost = 0;
		long readTwice = 0;
		long[] storedTwice = new long[this.acknowledged.size()];
		long[] unacknowledged = new long[this.acknowledged.size()];
		List<Reader> readers = readers();
		for (Reader reader : readers) {
			BitSet sent = acknowledgedCopy(reader.room);
			synchronized (reader) {
				lost += reader.missing(sent);
				readTwice += reader.readTwice;
				storedTwice[reader.room] = Math.max(storedTwice[reader.room], reader.storedTwice);
				BitSet extra = (BitSet) reader.seen.clone();
				extra.andNot(sent);
				unacknowledged[reader.room] = Math.max(unacknowledged[reader.room], extra.cardinality());
			}
		}
		return new Summary(acknowledgedSends, readers.size(), lost, sum(storedTwice), readTwice, sum(unacknowledged));
	}

	private synchronized List<Reader> readers() {
		return List.copyOf(this.readers);
	}

	private BitSet acknowledgedCopy(int room) {
		BitSet sent = this.acknowledged.get(room);
		synchronized (sent) {
			return (BitSet) sent.clone();
		}
	}

	private static long sum(long[] values) {
		long sum = 0;
		for (long value : values) {
			sum += value;
		}
		return sum;
	}

	/**
	 * What one receiver read of its room.
	 */
	static final class Reader {

		private final int room;

		private final BitSet seen = new BitSet();

		private long lastId;

		private long storedTwice;

		private long readTwice;

		private Reader(int room) {
			this.room = room;
		}

		/**
		 * Notes a message read; ids grow within a room, so one at or below the last read
		 * is a message read twice, and a tag read before under a new id is a message
		 * stored twice.
		 * @param tag the tag in its content
		 * @param id its id
		 */
		synchronized void read(long tag, long id) {
			if (id <= this.lastId) {
				this.readTwice++;
				return;
			}
			this.lastId = id;
			int bit = Math.toIntExact(tag);
			if (this.seen.get(bit)) {
				this.storedTwice++;
			}
			this.seen.set(bit);
		}

		private synchronized long missing(BitSet sent) {
			BitSet missing = (BitSet) sent.clone();
			missing.andNot(this.seen);
			return missing.cardinality();
		}

	}

	/**
	 * What became of the messages of a run.
	 *
	 * @param acknowledged sends the server acknowledged
	 * @param readers receivers that each should read every message of their room
	 * @param lost acknowledged messages a receiver of their room never read, counted per
	 * receiver
	 * @param storedTwice sends stored as two messages
	 * @param readTwice messages a receiver read twice, counted per receiver
	 * @param storedUnacknowledged messages stored whose send failed (no answer), which is
	 * not a loss
	 */
	record Summary(long acknowledged, int readers, long lost, long storedTwice, long readTwice,
			long storedUnacknowledged) {

	}

}
