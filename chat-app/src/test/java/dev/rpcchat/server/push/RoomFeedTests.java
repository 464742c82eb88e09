package dev.rpcchat.server.push;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.test.MutableClock;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.Test;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.WireJson;
import dev.rpcchat.rpc.PreparedText;
import dev.rpcchat.rpc.RpcConnection;
import dev.rpcchat.server.store.SendRequest;
import dev.rpcchat.server.store.SendResult;
import dev.rpcchat.server.store.Session;
import dev.rpcchat.server.store.TestLimits;
import dev.rpcchat.server.store.memory.MemoryChatStore;
import dev.rpcchat.server.user.UserRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room's feed when wake-ups come out of order or not at all: the store is read for what
 * lies between, so the socket still gets every message once and in order.
 */
class RoomFeedTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	// Its wake-ups go nowhere: the tests hand the feed only those they choose.
	private final MemoryChatStore store = new MemoryChatStore(TestLimits.history(100), (message) -> {
	});

	private final UserRegistry users = new UserRegistry(this.store, null, Duration.ofMinutes(10), null,
			MutableClock.at(NOW.toString()));

	private final RoomFeeds feeds = new RoomFeeds(this.store, this.users, new SocketSessions(this.users),
			WireJson.newObjectMapper());

	private final RecordingConnection connection = new RecordingConnection();

	@Test
	void readsTheStoreForAMessageWhoseWakeUpHasNotComeAndSkipsItWhenItComes() {
		RoomSubscription subscription = liveSubscription();
		Message first = send("one");
		Message second = send("two");
		Message third = send("three");
		subscription.feed().appended(third);
		subscription.feed().appended(first);
		subscription.feed().appended(second);
		Message fourth = send("four");
		subscription.feed().appended(fourth);
		await()
			.untilAsserted(() -> assertThat(this.connection.contents()).containsExactly("one", "two", "three", "four"));
	}

	@Test
	void catchesUpOnAResyncWhenEveryWakeUpWasLost() {
		liveSubscription();
		send("lost one");
		send("lost two");
		this.feeds.resyncAll();
		await().untilAsserted(() -> assertThat(this.connection.contents()).containsExactly("lost one", "lost two"));
		this.feeds.resyncAll();
		send("lost three");
		this.feeds.resyncAll();
		await().untilAsserted(
				() -> assertThat(this.connection.contents()).containsExactly("lost one", "lost two", "lost three"));
	}

	private RoomSubscription liveSubscription() {
		this.store.claimUsername(new Session("ana", "hash", NOW.plus(Duration.ofHours(1))));
		this.store.createRoom("geral", NOW);
		this.store.join("geral", "ana", 50, NOW);
		PushSocket socket = new PushSocket(this.connection);
		socket.bind(new PushSocket.Binding("hash", "ana"));
		RoomFeed feed = this.feeds.attach("geral");
		RoomSubscription subscription = new RoomSubscription(socket, "geral", "geral", "ana", "hash", feed);
		socket.replace(subscription);
		long newest = this.store.messagesAfter("geral", "ana", Long.MAX_VALUE,
				1) instanceof dev.rpcchat.server.store.PageResult.Page page ? page.newestId() : 0;
		feed.goLive(subscription, newest);
		return subscription;
	}

	private Message send(String content) {
		SendResult result = this.store
			.send(new SendRequest("hash", "ana", "geral", null, content, null, NOW, NOW.plus(Duration.ofHours(1))));
		return ((SendResult.Stored) result).message();
	}

	/**
	 * A connection that keeps what is sent to it.
	 */
	static final class RecordingConnection implements RpcConnection {

		final List<String> sent = new CopyOnWriteArrayList<>();

		List<String> contents() {
			return this.sent.stream()
				.map(RpcTestClient::json)
				.map((notification) -> notification.at("/params/content"))
				.map(JsonNode::asText)
				.toList();
		}

		@Override
		public String id() {
			return "recording";
		}

		@Override
		public boolean isOpen() {
			return true;
		}

		@Override
		public Optional<String> bearerToken() {
			return Optional.of("token");
		}

		@Override
		public boolean bind(String token) {
			return false;
		}

		@Override
		public boolean unbind(String token) {
			return false;
		}

		@Override
		public boolean send(PreparedText text) {
			this.sent.add(text.text());
			return true;
		}

		@Override
		public long queuedBytes() {
			return 0;
		}

		@Override
		public void close(int code, String reason) {
		}

	}

}
