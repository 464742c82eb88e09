package dev.rpcchat.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.rpcchat.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;
import dev.rpcchat.server.name.Names;
import dev.rpcchat.server.rate.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour every {@link ChatStore} must have; each implementation's tests extend
 * this class.
 */
public abstract class ChatStoreContractTests {

	/** The retention limit of the store under test. */
	protected static final int HISTORY_LIMIT = 1000;

	private static final Instant T0 = Instant.parse("2026-11-22T14:00:00.000Z");

	private final List<Message> appended = new CopyOnWriteArrayList<>();

	/** The token hash of each session claimed through {@link #session}, by name key. */
	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private ChatStore store;

	/**
	 * Creates an empty store under test.
	 * @param limits the messages kept per room, the send rate, the most users and rooms
	 * @param listener to be told of every appended message
	 * @return the store
	 */
	protected abstract ChatStore createStore(StoreLimits limits, AppendListener listener);

	@BeforeEach
	void createStore() {
		this.store = createStore(TestLimits.history(HISTORY_LIMIT), this.appended::add);
	}

	private void useLimits(StoreLimits limits) {
		this.store = createStore(limits, this.appended::add);
	}

	private static Instant at(long seconds) {
		return T0.plusSeconds(seconds);
	}

	private Session session(String username) {
		this.tokens.put(Names.key(username), "hash-of-" + username);
		return new Session(username, "hash-of-" + username, at(600));
	}

	private String tokenOf(String username) {
		return this.tokens.getOrDefault(Names.key(username), "no-token");
	}

	private SendResult append(String roomName, String sender, String recipient, String content, String clientMsgId,
			Instant now) {
		return this.store.send(new SendRequest(tokenOf(sender), sender, roomName, recipient, content, clientMsgId, now,
				now.plusSeconds(900)));
	}

	private ReadResult readResult(String roomName, String username, Long afterId) {
		return this.store.read(new ReadRequest(tokenOf(username), username, roomName, afterId, 100_000, at(3),
				at(3).plusSeconds(900)));
	}

	private void claimAndJoin(String roomName, String... usernames) {
		for (String username : usernames) {
			this.store.claimUsername(session(username));
			assertThat(this.store.join(roomName, username, 50, at(1))).isInstanceOf(JoinResult.Joined.class);
		}
	}

	private Message send(String roomName, String sender, String recipient, String content) {
		SendResult result = append(roomName, sender, recipient, content, null, at(2));
		assertThat(result).isInstanceOf(SendResult.Stored.class);
		return ((SendResult.Stored) result).message();
	}

	private List<Message> read(String roomName, String username, Long afterId) {
		ReadResult result = readResult(roomName, username, afterId);
		assertThat(result).isInstanceOf(ReadResult.Messages.class);
		return ((ReadResult.Messages) result).messages();
	}

	@Test
	void claimsAUsernameOnceCaseInsensitively() {
		assertThat(this.store.claimUsername(new Session("Ana", "h1", at(600)))).isEqualTo(Claim.CLAIMED);
		assertThat(this.store.claimUsername(new Session("ana", "h2", at(600)))).isEqualTo(Claim.TAKEN);
		assertThat(this.store.claimUsername(new Session("ANA", "h3", at(600)))).isEqualTo(Claim.TAKEN);
		assertThat(this.store.sessionCount()).isEqualTo(1);
		assertThat(this.store.touchSession("h1", at(1), at(700))).map(Session::username).contains("Ana");
		assertThat(this.store.touchSession("h2", at(1), at(700))).isEmpty();
	}

	@Test
	void touchingALiveSessionRenewsItAndNeverShortensIt() {
		this.store.claimUsername(new Session("ana", "h1", at(600)));
		assertThat(this.store.touchSession("h1", at(10), at(900))).map(Session::expiresAt).contains(at(900));
		assertThat(this.store.touchSession("h1", at(20), at(800))).map(Session::expiresAt).contains(at(900));
	}

	@Test
	void touchingAnExpiredOrUnknownSessionFindsNothing() {
		this.store.claimUsername(new Session("ana", "h1", at(600)));
		assertThat(this.store.touchSession("h1", at(600), at(1200))).isEmpty();
		assertThat(this.store.touchSession("nope", at(1), at(1200))).isEmpty();
		assertThat(this.store.expiredSessions(at(600))).extracting(Session::username).containsExactly("ana");
		assertThat(this.store.expiredSessions(at(599))).isEmpty();
	}

	@Test
	void releasesAUsernameOnlyWithItsToken() {
		this.store.claimUsername(new Session("Ana", "h1", at(600)));
		assertThat(this.store.releaseUsername("ana", "h2")).isFalse();
		assertThat(this.store.releaseUsername("ANA", "h1")).isTrue();
		assertThat(this.store.releaseUsername("ana", "h1")).isFalse();
		assertThat(this.store.touchSession("h1", at(1), at(700))).isEmpty();
		assertThat(this.store.sessionCount()).isZero();
		assertThat(this.store.claimUsername(new Session("ana", "h3", at(600)))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void releasesAUsernameOnExpiryOnlyWhenItHasExpired() {
		this.store.claimUsername(new Session("ana", "h1", at(600)));
		assertThat(this.store.releaseUsernameIfExpired("ana", at(599))).isFalse();
		this.store.touchSession("h1", at(599), at(1200));
		assertThat(this.store.releaseUsernameIfExpired("ana", at(600))).isFalse();
		assertThat(this.store.releaseUsernameIfExpired("ANA", at(1200))).isTrue();
		assertThat(this.store.expiredSessions(at(2000))).isEmpty();
		assertThat(this.store.claimUsername(new Session("ana", "h2", at(2600)))).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void createsARoomOnceCaseInsensitivelyKeepingItsCase() {
		assertThat(this.store.createRoom("Geral", at(0)))
			.isEqualTo(new CreateResult.Created(new RoomRecord("Geral", at(0))));
		assertThat(this.store.createRoom("geral", at(1))).isEqualTo(new CreateResult.Exists("Geral"));
		this.store.createRoom("alpha", at(2));
		this.store.createRoom("Beta", at(3));
		assertThat(this.store.roomNames()).containsExactly("alpha", "Beta", "Geral");
		assertThat(this.store.roomCount()).isEqualTo(3);
		assertThat(this.store.members("GERAL")).contains(List.of());
		assertThat(this.store.members("nope")).isEmpty();
	}

	@Test
	void joiningAnnouncesTheJoinOnceAndListsTheMembers() {
		this.store.createRoom("Geral", at(0));
		this.store.claimUsername(session("bob"));
		this.store.claimUsername(session("Ana"));
		this.store.join("geral", "bob", 50, at(1));
		JoinResult result = this.store.join("GERAL", "Ana", 50, at(2));
		assertThat(result).isInstanceOfSatisfying(JoinResult.Joined.class, (joined) -> {
			assertThat(joined.roomName()).isEqualTo("Geral");
			assertThat(joined.users()).containsExactly("Ana", "bob");
			assertThat(joined.announcement().type()).isEqualTo(MessageType.SYSTEM);
			assertThat(joined.announcement().content()).isEqualTo("Ana joined");
			assertThat(joined.announcement().sender()).isNull();
			assertThat(joined.announcement().roomName()).isEqualTo("Geral");
			assertThat(joined.announcement().timestamp()).isEqualTo(at(2));
		});
		assertThat(this.store.join("geral", "Ana", 50, at(3))).isInstanceOfSatisfying(JoinResult.AlreadyMember.class,
				(already) -> assertThat(already.users()).containsExactly("Ana", "bob"));
		assertThat(read("geral", "bob", null)).extracting(Message::content).containsExactly("Ana joined");
		assertThat(this.store.members("geral")).contains(List.of("Ana", "bob"));
		assertThat(this.store.roomsOf("ANA")).containsExactly("Geral");
	}

	@Test
	void joiningNoRoomFindsNoRoom() {
		assertThat(this.store.join("nope", "ana", 50, at(1))).isInstanceOf(JoinResult.NoSuchRoom.class);
		assertThat(this.store.leave("nope", "ana", at(1))).isInstanceOf(LeaveResult.NoSuchRoom.class);
		this.store.claimUsername(session("ana"));
		assertThat(readResult("nope", "ana", null)).isInstanceOf(ReadResult.NoSuchRoom.class);
		assertThat(append("nope", "ana", null, "x", null, at(1)))
			.isEqualTo(new SendResult.Refused(SendRefusal.NO_SUCH_ROOM));
	}

	@Test
	void aJoinerNeverReceivesItsOwnAnnouncementButReceivesWhatFollows() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		assertThat(read("geral", "ana", null)).extracting(Message::content).containsExactly("bob joined");
		assertThat(read("geral", "bob", null)).isEmpty();
		send("geral", "ana", null, "oi");
		assertThat(read("geral", "bob", null)).extracting(Message::content).containsExactly("oi");
		assertThat(read("geral", "bob", null)).isEmpty();
	}

	@Test
	void aUnicastReachesOnlyItsRecipient() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "Ana", "Bob", "cid");
		read("geral", "Ana", null);
		read("geral", "Bob", null);
		read("geral", "cid", null);
		Message unicast = send("geral", "ana", "BOB", "psst");
		assertThat(unicast.type()).isEqualTo(MessageType.UNICAST);
		assertThat(unicast.sender()).isEqualTo("Ana");
		assertThat(unicast.recipient()).isEqualTo("Bob");
		send("geral", "cid", null, "hello");
		assertThat(read("geral", "bob", null)).extracting(Message::content).containsExactly("psst", "hello");
		assertThat(read("geral", "cid", null)).extracting(Message::content).containsExactly("hello");
		assertThat(read("geral", "ana", null)).extracting(Message::content).containsExactly("hello");
	}

	@Test
	void messageIdsGrowStrictlyWithinARoom() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana");
		Message first = send("geral", "ana", null, "1");
		Message second = send("geral", "ana", null, "2");
		assertThat(second.id()).isGreaterThan(first.id());
		assertThat(first.type()).isEqualTo(MessageType.BROADCAST);
		assertThat(first.recipient()).isNull();
		assertThat(first.timestamp()).isEqualTo(at(2));
	}

	@Test
	void aClientCursorRereadsButNeverBeforeTheJoin() {
		this.store.createRoom("geral", at(0));
		this.store.claimUsername(session("ana"));
		this.store.join("geral", "ana", 50, at(1));
		send("geral", "ana", null, "before");
		this.store.claimUsername(session("bob"));
		this.store.join("geral", "bob", 50, at(1));
		Message one = send("geral", "ana", null, "one");
		send("geral", "ana", null, "two");
		assertThat(read("geral", "bob", null)).extracting(Message::content).containsExactly("one", "two");
		assertThat(read("geral", "bob", 0L)).extracting(Message::content).containsExactly("one", "two");
		assertThat(read("geral", "bob", one.id())).extracting(Message::content).containsExactly("two");
		assertThat(read("geral", "bob", null)).isEmpty();
	}

	@Test
	void aClientCursorBehindTheStoredOneDoesNotMoveTheStoredOneBack() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		send("geral", "ana", null, "one");
		assertThat(read("geral", "bob", null)).hasSize(1);
		assertThat(read("geral", "bob", 0L)).hasSize(1);
		assertThat(read("geral", "bob", null)).isEmpty();
	}

	@Test
	void joinReturnsTheLastBroadcastsOldestFirstAndNothingElse() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		for (int i = 1; i <= 60; i++) {
			send("geral", "ana", null, "b" + i);
			send("geral", "ana", "bob", "u" + i);
		}
		this.store.claimUsername(session("cid"));
		JoinResult result = this.store.join("geral", "cid", 50, at(3));
		List<String> expected = new ArrayList<>();
		for (int i = 11; i <= 60; i++) {
			expected.add("b" + i);
		}
		assertThat(result).isInstanceOfSatisfying(JoinResult.Joined.class,
				(joined) -> assertThat(joined.recentBroadcasts()).extracting(Message::content)
					.containsExactlyElementsOf(expected));
		assertThat(this.store.join("geral", "bob", 50, at(3))).isInstanceOfSatisfying(JoinResult.AlreadyMember.class,
				(already) -> assertThat(already.recentBroadcasts()).extracting(Message::content)
					.containsExactlyElementsOf(expected));
	}

	@Test
	void leavingAnnouncesTheLeaveAndEndsTheMembership() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "Ana", "bob");
		read("geral", "bob", null);
		assertThat(this.store.leave("GERAL", "ana", at(5))).isInstanceOfSatisfying(LeaveResult.Left.class,
				(left) -> assertThat(left.announcement().content()).isEqualTo("Ana left"));
		assertThat(this.store.leave("geral", "ana", at(5))).isInstanceOf(LeaveResult.NotMember.class);
		assertThat(readResult("geral", "ana", null)).isInstanceOf(ReadResult.NotMember.class);
		assertThat(read("geral", "bob", null)).extracting(Message::content).containsExactly("Ana left");
		assertThat(this.store.members("geral")).contains(List.of("bob"));
		assertThat(this.store.roomsOf("ana")).isEmpty();
	}

	@Test
	void rejoiningStartsAfterTheNewJoin() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		this.store.leave("geral", "bob", at(3));
		send("geral", "ana", null, "while away");
		this.store.join("geral", "bob", 50, at(4));
		assertThat(read("geral", "bob", 0L)).isEmpty();
	}

	@Test
	void aClientCursorBeyondAnyIdReadsNothingAndOneBeforeAnyIdReadsFromTheJoin() {
		this.store.createRoom("sala", at(0));
		claimAndJoin("sala", "ana");
		send("sala", "ana", null, "oi");
		assertThat(read("sala", "ana", Long.MAX_VALUE)).isEmpty();
		assertThat(read("sala", "ana", Long.MIN_VALUE)).extracting(Message::content).containsExactly("oi");
	}

	@Test
	void checksSendersAndRecipients() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		this.store.claimUsername(session("cid"));
		read("geral", "bob", null);
		assertThat(append("geral", "ANA", null, "x", null, at(2))).isInstanceOf(SendResult.Stored.class);
		assertThat(append("geral", "ana", "Bob", "x", null, at(2))).isInstanceOf(SendResult.Stored.class);
		assertThat(read("geral", "bob", null)).hasSize(2);
		assertThat(append("geral", "cid", null, "x", null, at(2)))
			.isEqualTo(new SendResult.Refused(SendRefusal.SENDER_NOT_IN_ROOM));
		assertThat(append("geral", "ana", "cid", "x", null, at(2)))
			.isEqualTo(new SendResult.Refused(SendRefusal.RECIPIENT_NOT_IN_ROOM));
		assertThat(append("nope", "ana", null, "x", null, at(2)))
			.isEqualTo(new SendResult.Refused(SendRefusal.NO_SUCH_ROOM));
		assertThat(read("geral", "bob", null)).isEmpty();
	}

	@Test
	void aRepeatedClientMsgIdStoresNothingNewWhateverTheRoomOrContent() {
		this.store.createRoom("geral", at(0));
		this.store.createRoom("outra", at(0));
		claimAndJoin("geral", "ana", "bob");
		this.store.join("outra", "ana", 50, at(1));
		read("geral", "bob", null);
		SendResult first = append("geral", "ana", null, "oi", "c1", at(10));
		Message stored = ((SendResult.Stored) first).message();
		assertThat(append("outra", "ANA", null, "other", "c1", at(20))).isEqualTo(new SendResult.Duplicate(stored));
		assertThat(this.store.findSent("Ana", "c1", at(30))).contains(stored);
		assertThat(this.store.findSent("bob", "c1", at(30))).isEmpty();
		assertThat(read("geral", "bob", null)).containsExactly(stored);
		assertThat(append("geral", "bob", null, "mine", "c1", at(20))).isInstanceOf(SendResult.Stored.class);
	}

	@Test
	void aClientMsgIdIsForgottenAfterTheWindow() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana");
		append("geral", "ana", null, "oi", "c1", at(10));
		Instant later = at(10).plus(ChatStore.IDEMPOTENCY_WINDOW);
		assertThat(this.store.findSent("ana", "c1", later.minusMillis(1))).isPresent();
		this.store.evictExpired(later);
		assertThat(this.store.findSent("ana", "c1", later)).isEmpty();
		assertThat(append("geral", "ana", null, "oi", "c1", later)).isInstanceOf(SendResult.Stored.class);
	}

	@Test
	void aRefusedMessageIsNotRememberedByItsClientMsgId() {
		this.store.createRoom("geral", at(0));
		this.store.claimUsername(session("ana"));
		assertThat(append("geral", "ana", null, "oi", "c1", at(10))).isInstanceOf(SendResult.Refused.class);
		assertThat(this.store.findSent("ana", "c1", at(11))).isEmpty();
		this.store.join("geral", "ana", 50, at(12));
		assertThat(append("geral", "ana", null, "oi", "c1", at(13))).isInstanceOf(SendResult.Stored.class);
	}

	private SendResult send(String tokenOf, String username, String roomName, String recipient, String clientMsgId,
			Instant now) {
		return this.store.send(new SendRequest("hash-of-" + tokenOf, username, roomName, recipient, "oi", clientMsgId,
				now, now.plusSeconds(900)));
	}

	@Test
	void aSendStoresTheMessageOfTheNamedUsersTokenAndRenewsItsSession() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "Ana", "bob");
		read("geral", "bob", null);
		SendResult result = send("Ana", "ANA", "GERAL", "BOB", null, at(10));
		assertThat(result).isInstanceOfSatisfying(SendResult.Stored.class, (stored) -> {
			assertThat(stored.message().sender()).isEqualTo("Ana");
			assertThat(stored.message().recipient()).isEqualTo("bob");
			assertThat(stored.message().roomName()).isEqualTo("geral");
			assertThat(stored.message().type()).isEqualTo(MessageType.UNICAST);
			assertThat(stored.message().timestamp()).isEqualTo(at(10));
			assertThat(read("geral", "bob", null)).containsExactly(stored.message());
		});
		assertThat(this.store.touchSession("hash-of-Ana", at(11), at(11))).map(Session::expiresAt)
			.contains(at(10).plusSeconds(900));
		assertThat(this.appended).last().extracting(Message::content).isEqualTo("oi");
	}

	@Test
	void aSendNeedsTheLiveTokenOfTheNamedUser() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		assertThat(send("nobody", "ana", "geral", null, null, at(10))).isEqualTo(new SendResult.Unauthorized());
		assertThat(send("bob", "ana", "geral", null, null, at(10))).isEqualTo(new SendResult.Unauthorized());
		assertThat(send("ana", "ana", "geral", null, null, at(600))).isEqualTo(new SendResult.Unauthorized());
		assertThat(read("geral", "bob", null)).isEmpty();
	}

	@Test
	void aSendAnswersARepeatBeforeTheRoomStateAndTheRateWhateverTheRoom() {
		MutableClock clock = MutableClock.at(at(10).toString());
		useLimits(TestLimits.sendRate(HISTORY_LIMIT, RateLimit.perSecond(1, 1)));
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana");
		SendResult first = send("ana", "ana", "geral", null, "c1", clock.instant());
		assertThat(first).isInstanceOf(SendResult.Stored.class);
		Message stored = ((SendResult.Stored) first).message();
		assertThat(send("ana", "ANA", "nope", null, "c1", clock.instant())).isEqualTo(new SendResult.Duplicate(stored));
		assertThat(this.store.findSent("ana", "c1", clock.instant())).contains(stored);
		assertThat(send("ana", "ana", "geral", null, "c2", clock.instant())).isInstanceOfSatisfying(
				SendResult.RateLimited.class,
				(limited) -> assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
		assertThat(read("geral", "ana", null)).containsExactly(stored);
	}

	@Test
	void aSendChecksTheRoomStateBeforeTheRateAndARefusalTakesNothingFromIt() {
		MutableClock clock = MutableClock.at(at(10).toString());
		useLimits(TestLimits.sendRate(HISTORY_LIMIT, RateLimit.perSecond(1, 1)));
		this.store.createRoom("geral", at(0));
		this.store.createRoom("outra", at(0));
		claimAndJoin("geral", "ana");
		claimAndJoin("outra", "bob");
		Instant now = clock.instant();
		assertThat(send("ana", "ana", "nope", null, null, now))
			.isEqualTo(new SendResult.Refused(SendRefusal.NO_SUCH_ROOM));
		assertThat(send("ana", "ana", "outra", null, null, now))
			.isEqualTo(new SendResult.Refused(SendRefusal.SENDER_NOT_IN_ROOM));
		assertThat(send("ana", "ana", "geral", "bob", "c1", now))
			.isEqualTo(new SendResult.Refused(SendRefusal.RECIPIENT_NOT_IN_ROOM));
		assertThat(this.store.findSent("ana", "c1", now)).isEmpty();
		assertThat(send("ana", "ana", "geral", null, "c1", now)).isInstanceOf(SendResult.Stored.class);
		assertThat(send("ana", "ana", "geral", null, null, now)).isInstanceOf(SendResult.RateLimited.class);
		clock.advance(Duration.ofSeconds(1));
		assertThat(send("ana", "ana", "geral", null, null, clock.instant())).isInstanceOf(SendResult.Stored.class);
		assertThat(send("bob", "bob", "outra", null, null, clock.instant())).isInstanceOf(SendResult.Stored.class);
	}

	@Test
	void aReadForATokenRenewsItsSessionAndReadsOnlyForTheNamedUser() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "Ana", "bob");
		read("geral", "ana", null);
		Message sent = send("geral", "ana", null, "oi");
		assertThat(readAs("hash-of-bob", "ana", at(10), "geral", null)).isEqualTo(new ReadResult.Unauthorized());
		assertThat(readAs("nobody", "ana", at(10), "geral", null)).isEqualTo(new ReadResult.Unauthorized());
		// The sends and reads above renewed the session until at(903).
		assertThat(readAs("hash-of-Ana", "ANA", at(903), "geral", null)).isEqualTo(new ReadResult.Unauthorized());
		assertThat(readAs("hash-of-Ana", "ANA", at(10), "GERAL", null))
			.isEqualTo(new ReadResult.Messages(List.of(sent)));
		assertThat(this.store.touchSession("hash-of-Ana", at(11), at(11))).map(Session::expiresAt).contains(at(2010));
		assertThat(readAs("hash-of-Ana", "ana", at(12), "GERAL", null)).isEqualTo(new ReadResult.Messages(List.of()));
		assertThat(readAs("hash-of-Ana", "ana", at(12), "nope", null)).isEqualTo(new ReadResult.NoSuchRoom());
		this.store.createRoom("outra", at(0));
		assertThat(readAs("hash-of-Ana", "ana", at(12), "outra", null)).isEqualTo(new ReadResult.NotMember());
	}

	private ReadResult readAs(String tokenHash, String username, Instant now, String roomName, Long afterId) {
		return this.store
			.read(new ReadRequest(tokenHash, username, roomName, afterId, 100, now, now.plusSeconds(2000)));
	}

	@Test
	void aReadReturnsAtMostItsLimitAndMovesTheCursorOnlyPastWhatItReturned() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		read("geral", "ana", null);
		read("geral", "bob", null);
		for (int i = 1; i <= 5; i++) {
			send("geral", "ana", "bob", "u" + i);
			send("geral", "ana", null, "b" + i);
		}
		assertThat(readPage("bob", null, 3)).extracting(Message::content).containsExactly("u1", "b1", "u2");
		assertThat(readPage("bob", null, 4)).extracting(Message::content).containsExactly("b2", "u3", "b3", "u4");
		assertThat(readPage("bob", null, 4)).extracting(Message::content).containsExactly("b4", "u5", "b5");
		assertThat(readPage("bob", null, 4)).isEmpty();
		assertThat(readPage("ana", null, 2)).extracting(Message::content).containsExactly("b1", "b2");
		assertThat(readPage("ana", null, 10)).extracting(Message::content).containsExactly("b3", "b4", "b5");
	}

	private List<Message> readPage(String username, Long afterId, int limit) {
		ReadResult result = this.store
			.read(new ReadRequest(tokenOf(username), username, "geral", afterId, limit, at(3), at(3).plusSeconds(900)));
		return (result instanceof ReadResult.Messages(List<Message> messages)) ? messages : List.of();
	}

	@Test
	void aSendersRateHoldsAcrossRoomsAndIsForgottenWhenItsNameIsReleased() {
		useLimits(TestLimits.sendRate(HISTORY_LIMIT, RateLimit.perSecond(1, 2)));
		this.store.createRoom("geral", at(0));
		this.store.createRoom("outra", at(0));
		claimAndJoin("geral", "ana", "bob");
		this.store.join("outra", "ana", 50, at(1));
		assertThat(append("geral", "ana", null, "1", null, at(10))).isInstanceOf(SendResult.Stored.class);
		assertThat(append("outra", "ANA", null, "2", null, at(10))).isInstanceOf(SendResult.Stored.class);
		assertThat(append("geral", "ana", null, "3", null, at(10))).isInstanceOfSatisfying(SendResult.RateLimited.class,
				(limited) -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
		assertThat(append("geral", "bob", null, "4", null, at(10))).isInstanceOf(SendResult.Stored.class);
		assertThat(append("geral", "ana", null, "5", null, at(11))).isInstanceOf(SendResult.Stored.class);
		this.store.leave("geral", "ana", at(11));
		this.store.leave("outra", "ana", at(11));
		assertThat(this.store.releaseUsername("ana", "hash-of-ana")).isTrue();
		this.store.claimUsername(session("Ana"));
		this.store.join("geral", "Ana", 50, at(11));
		assertThat(append("geral", "Ana", null, "6", null, at(11))).isInstanceOf(SendResult.Stored.class);
		assertThat(append("geral", "Ana", null, "7", null, at(11))).isInstanceOf(SendResult.Stored.class);
	}

	@Test
	void claimsNoMoreSessionsThanTheMostUsersAndCreatesNoMoreRoomsThanTheMostRooms() {
		useLimits(TestLimits.maxima(HISTORY_LIMIT, 2, 1));
		assertThat(this.store.claimUsername(session("ana"))).isEqualTo(Claim.CLAIMED);
		assertThat(this.store.claimUsername(session("bob"))).isEqualTo(Claim.CLAIMED);
		assertThat(this.store.claimUsername(session("ANA"))).isEqualTo(Claim.TAKEN);
		assertThat(this.store.claimUsername(session("cid"))).isEqualTo(Claim.FULL);
		this.store.releaseUsername("bob", "hash-of-bob");
		assertThat(this.store.claimUsername(session("cid"))).isEqualTo(Claim.CLAIMED);
		assertThat(this.store.createRoom("geral", at(0))).isInstanceOf(CreateResult.Created.class);
		assertThat(this.store.createRoom("GERAL", at(0))).isEqualTo(new CreateResult.Exists("geral"));
		assertThat(this.store.createRoom("outra", at(0))).isEqualTo(new CreateResult.Full());
		this.store.removeRoomIfIdle("geral", at(0));
		assertThat(this.store.createRoom("outra", at(0))).isInstanceOf(CreateResult.Created.class);
		assertThat(this.store.roomNames()).containsExactly("outra");
	}

	@Test
	void ofManySimultaneousClaimsBeyondTheMostUsersOnlyTheMostWin() throws Exception {
		useLimits(TestLimits.maxima(HISTORY_LIMIT, 5, 5));
		List<Claim> outcomes = concurrently(40, (i) -> this.store.claimUsername(session("u" + i)));
		assertThat(outcomes).filteredOn(Claim.CLAIMED::equals).hasSize(5);
		assertThat(this.store.sessionCount()).isEqualTo(5);
	}

	@Test
	void keepsOnlyTheLastMessagesOfTheHistoryLimit() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		for (int i = 1; i <= HISTORY_LIMIT + 30; i++) {
			send("geral", "ana", null, "m" + i);
		}
		List<Message> messages = read("geral", "bob", null);
		assertThat(messages).hasSizeLessThanOrEqualTo(HISTORY_LIMIT);
		assertThat(messages.getLast().content()).isEqualTo("m" + (HISTORY_LIMIT + 30));
		assertThat(messages).extracting(Message::content).doesNotContain("m1", "m30");
	}

	@Test
	void tellsTheListenerOfEveryAppendedMessage() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana");
		Message message = send("geral", "ana", null, "oi");
		this.store.leave("geral", "ana", at(3));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.appended).extracting(Message::content)
				.containsExactly("ana joined", "oi", "ana left"));
		assertThat(this.appended).contains(message);
	}

	@Test
	void aNewRoomIsIdleFromItsCreationAndARoomWithUsersNever() {
		this.store.createRoom("empty", at(0));
		this.store.createRoom("busy", at(0));
		claimAndJoin("busy", "ana");
		assertThat(this.store.idleRooms(at(100))).containsExactly("empty");
		assertThat(this.store.idleRooms(at(-1))).isEmpty();
		assertThat(this.store.removeRoomIfIdle("busy", at(100))).isFalse();
		assertThat(this.store.removeRoomIfIdle("EMPTY", at(100))).isTrue();
		assertThat(this.store.roomNames()).containsExactly("busy");
		assertThat(this.store.join("empty", "ana", 50, at(101))).isInstanceOf(JoinResult.NoSuchRoom.class);
	}

	@Test
	void aRoomIsIdleFromWhenItsLastUserLeft() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		this.store.leave("geral", "ana", at(10));
		assertThat(this.store.idleRooms(at(100))).isEmpty();
		this.store.leave("geral", "bob", at(20));
		assertThat(this.store.idleRooms(at(19))).isEmpty();
		assertThat(this.store.removeRoomIfIdle("geral", at(19))).isFalse();
		assertThat(this.store.idleRooms(at(20))).containsExactly("geral");
		this.store.join("geral", "ana", 50, at(30));
		assertThat(this.store.removeRoomIfIdle("geral", at(20))).isFalse();
		assertThat(this.store.roomNames()).containsExactly("geral");
	}

	@Test
	void aRemovedRoomTakesItsHistoryWithIt() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana");
		send("geral", "ana", null, "old");
		this.store.leave("geral", "ana", at(3));
		assertThat(this.store.removeRoomIfIdle("geral", at(3))).isTrue();
		this.store.createRoom("GERAL", at(4));
		assertThat(this.store.join("geral", "ana", 50, at(5))).isInstanceOfSatisfying(JoinResult.Joined.class,
				(joined) -> {
					assertThat(joined.roomName()).isEqualTo("GERAL");
					assertThat(joined.recentBroadcasts()).isEmpty();
				});
	}

	private PageResult.Page after(String roomName, String member, long afterId, int limit) {
		PageResult result = this.store.messagesAfter(roomName, member, afterId, limit);
		assertThat(result).isInstanceOf(PageResult.Page.class);
		return (PageResult.Page) result;
	}

	private PageResult.Page before(String roomName, String member, long beforeId, int limit) {
		PageResult result = this.store.messagesBefore(roomName, member, beforeId, limit);
		assertThat(result).isInstanceOf(PageResult.Page.class);
		return (PageResult.Page) result;
	}

	private static List<String> contents(PageResult.Page page) {
		return page.messages().stream().map(Message::content).toList();
	}

	@Test
	void pagesAfterAnIdOldestFirstSayingWhetherNewerOnesFollow() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		Message one = send("geral", "ana", null, "one");
		send("geral", "bob", null, "two");
		Message three = send("geral", "ana", null, "three");
		PageResult.Page first = after("GERAL", "BOB", 0, 3);
		assertThat(contents(first)).containsExactly("ana joined", "bob joined", "one");
		assertThat(first.more()).isTrue();
		assertThat(first.newestId()).isEqualTo(three.id());
		PageResult.Page rest = after("geral", "bob", one.id(), 3);
		assertThat(contents(rest)).containsExactly("two", "three");
		assertThat(rest.more()).isFalse();
		assertThat(after("geral", "bob", one.id(), 2).more()).isFalse();
		assertThat(after("geral", "bob", three.id(), 5)).isEqualTo(new PageResult.Page(List.of(), false, three.id()));
		assertThat(after("geral", "bob", Long.MAX_VALUE, 5).messages()).isEmpty();
		assertThat(contents(after("geral", "bob", Long.MIN_VALUE, 1))).containsExactly("ana joined");
	}

	@Test
	void pagesBeforeAnIdTheNewestOnesOldestFirstSayingWhetherOlderOnesPrecede() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		send("geral", "ana", null, "one");
		Message two = send("geral", "bob", null, "two");
		Message three = send("geral", "ana", null, "three");
		PageResult.Page newest = before("geral", "ana", Long.MAX_VALUE, 2);
		assertThat(contents(newest)).containsExactly("two", "three");
		assertThat(newest.more()).isTrue();
		assertThat(newest.newestId()).isEqualTo(three.id());
		PageResult.Page older = before("geral", "ana", two.id(), 10);
		assertThat(contents(older)).containsExactly("ana joined", "bob joined", "one");
		assertThat(older.more()).isFalse();
		assertThat(before("geral", "ana", two.id(), 3).more()).isFalse();
		assertThat(before("geral", "ana", 1, 5)).isEqualTo(new PageResult.Page(List.of(), false, three.id()));
		assertThat(before("geral", "ana", Long.MIN_VALUE, 5).messages()).isEmpty();
	}

	@Test
	void aPageHoldsTheUnicastsToOrFromTheMemberAndNoGapsForOthers() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "Ana", "Bob", "cid");
		send("geral", "ana", "BOB", "ana to bob");
		send("geral", "bob", "cid", "bob to cid");
		send("geral", "cid", "ana", "cid to ana");
		Message last = send("geral", "cid", null, "all");
		for (int i = 0; i < 300; i++) {
			send("geral", "bob", "cid", "more for cid " + i);
		}
		assertThat(contents(before("geral", "ana", Long.MAX_VALUE, 3))).containsExactly("ana to bob", "cid to ana",
				"all");
		assertThat(contents(after("geral", "ana", last.id() - 4, 10))).containsExactly("ana to bob", "cid to ana",
				"all");
		assertThat(contents(before("geral", "BOB", Long.MAX_VALUE, 2))).containsExactly("more for cid 298",
				"more for cid 299");
		PageResult.Page ana = after("geral", "ana", last.id() - 1, 10);
		assertThat(contents(ana)).containsExactly("all");
		assertThat(ana.more()).isFalse();
		assertThat(ana.newestId()).isEqualTo(last.id() + 300);
		PageResult.Page anaBefore = before("geral", "ana", Long.MAX_VALUE, 1);
		assertThat(contents(anaBefore)).containsExactly("all");
		assertThat(anaBefore.more()).isTrue();
	}

	@Test
	void aPageNeverShowsThePrivateMessagesOfAFormerMembershipOrHolderOfTheName() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		send("geral", "ana", "bob", "for the first bob");
		send("geral", "bob", "ana", "from the first bob");
		send("geral", "ana", null, "public");
		this.store.leave("geral", "bob", at(3));
		this.store.releaseUsername("bob", "hash-of-bob");
		this.store.claimUsername(session("BOB"));
		this.store.join("geral", "BOB", 50, at(4));
		assertThat(contents(before("geral", "bob", Long.MAX_VALUE, 50))).containsExactly("ana joined", "bob joined",
				"public", "bob left", "BOB joined");
		send("geral", "ana", "BOB", "for the second bob");
		this.store.leave("geral", "ana", at(5));
		this.store.join("geral", "ana", 50, at(6));
		assertThat(contents(after("geral", "ana", 0, 50))).containsExactly("ana joined", "bob joined", "public",
				"bob left", "BOB joined", "ana left", "ana joined");
		assertThat(contents(after("geral", "bob", 0, 50))).contains("for the second bob")
			.doesNotContain("for the first bob", "from the first bob");
	}

	@Test
	void aPageOfANonMemberOrOfNoRoomIsRefused() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana");
		this.store.claimUsername(session("bob"));
		assertThat(this.store.messagesAfter("geral", "bob", 0, 10)).isEqualTo(new PageResult.NotMember());
		assertThat(this.store.messagesBefore("geral", "bob", Long.MAX_VALUE, 10)).isEqualTo(new PageResult.NotMember());
		assertThat(this.store.messagesAfter("nope", "ana", 0, 10)).isEqualTo(new PageResult.NoSuchRoom());
		assertThat(this.store.messagesBefore("nope", "ana", Long.MAX_VALUE, 10)).isEqualTo(new PageResult.NoSuchRoom());
	}

	@Test
	void aPageChangesNothing() {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana", "bob");
		read("geral", "bob", null);
		send("geral", "ana", null, "one");
		after("geral", "bob", 0, 10);
		before("geral", "bob", Long.MAX_VALUE, 10);
		assertThat(read("geral", "bob", null)).extracting(Message::content).containsExactly("one");
		assertThat(this.store.members("geral")).contains(List.of("ana", "bob"));
	}

	@Test
	void aPageHoldsNothingDroppedPastTheHistoryLimit() {
		useLimits(TestLimits.history(5));
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana");
		for (int i = 1; i <= 8; i++) {
			send("geral", "ana", null, "m" + i);
		}
		PageResult.Page newest = before("geral", "ana", Long.MAX_VALUE, 10);
		assertThat(contents(newest)).containsExactly("m4", "m5", "m6", "m7", "m8");
		assertThat(newest.more()).isFalse();
		assertThat(contents(after("geral", "ana", 0, 2))).containsExactly("m4", "m5");
		assertThat(before("geral", "ana", newest.messages().getFirst().id(), 10).messages()).isEmpty();
	}

	@Test
	void pagingAfterTheLastIdWhileManySendCollectsEveryMessageOnceInOrder() throws Exception {
		this.store.createRoom("geral", at(0));
		String[] users = { "u0", "u1", "u2", "u3", "reader" };
		claimAndJoin("geral", users);
		long start = after("geral", "reader", 0, 100).newestId();
		int perSender = 100;
		List<Message> collected = new CopyOnWriteArrayList<>();
		concurrently(users.length, (i) -> {
			if (i < users.length - 1) {
				for (int n = 0; n < perSender; n++) {
					send("geral", users[i], (n % 2 == 0) ? null : "reader", users[i] + "-" + n);
				}
				return true;
			}
			long last = start;
			while (collected.size() < (users.length - 1) * perSender) {
				PageResult.Page page = after("geral", "reader", last, 7);
				collected.addAll(page.messages());
				last = page.messages().isEmpty() ? last : page.messages().getLast().id();
			}
			return true;
		});
		assertThat(collected).hasSize((users.length - 1) * perSender);
		assertThat(collected).extracting(Message::id).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void ofManySimultaneousClaimsOfOneNameExactlyOneWins() throws Exception {
		List<Boolean> outcomes = concurrently(64, (i) -> this.store
			.claimUsername(new Session((i % 2 == 0) ? "ana" : "ANA", "h" + i, at(600))) == Claim.CLAIMED);
		assertThat(outcomes).containsOnlyOnce(true);
	}

	@Test
	void ofManySimultaneousCreationsOfOneRoomExactlyOneWins() throws Exception {
		List<Boolean> outcomes = concurrently(64,
				(i) -> this.store.createRoom("geral", at(0)) instanceof CreateResult.Created);
		assertThat(outcomes).containsOnlyOnce(true);
	}

	@Test
	void manySimultaneousSendersGetDistinctIdsAndEveryMemberReadsEachMessageOnceInOrder() throws Exception {
		this.store.createRoom("geral", at(0));
		String[] users = new String[8];
		for (int i = 0; i < users.length; i++) {
			users[i] = "u" + i;
		}
		claimAndJoin("geral", users);
		for (String user : users) {
			read("geral", user, null);
		}
		int perSender = 50;
		concurrently(users.length, (i) -> {
			for (int n = 0; n < perSender; n++) {
				send("geral", users[i], null, users[i] + "-" + n);
			}
			return true;
		});
		for (String user : users) {
			List<Message> messages = read("geral", user, null);
			assertThat(messages).hasSize(users.length * perSender);
			assertThat(messages).extracting(Message::id).isSorted().doesNotHaveDuplicates();
		}
	}

	@Test
	void simultaneousSendsOfOneClientMsgIdStoreOneMessage() throws Exception {
		this.store.createRoom("geral", at(0));
		claimAndJoin("geral", "ana");
		read("geral", "ana", null);
		List<Boolean> stored = concurrently(16,
				(i) -> append("geral", "ana", null, "oi", "same", at(5)) instanceof SendResult.Stored);
		assertThat(stored).containsOnlyOnce(true);
		assertThat(read("geral", "ana", null)).hasSize(1);
	}

	private <T> List<T> concurrently(int count, IndexedTask<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(Math.min(count, 16))) {
			for (int i = 0; i < count; i++) {
				int index = i;
				Callable<T> callable = () -> {
					start.await();
					return task.run(index);
				};
				futures.add(executor.submit(callable));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	@FunctionalInterface
	private interface IndexedTask<T> {

		T run(int index) throws Exception;

	}

}
