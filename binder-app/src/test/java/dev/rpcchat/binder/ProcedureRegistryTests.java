package dev.rpcchat.binder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.rpcchat.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureRegistryTests {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

	private final ProcedureRegistry registry = new ProcedureRegistry(this.clock);

	@Test
	void registersPermanentEntryWithoutExpiry() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", null);
		this.clock.advance(Duration.ofDays(365));
		assertThat(this.registry.list()).containsExactly(new Registration("join_room", "10.0.0.1", 7000, "http", null));
	}

	@Test
	void reRegisteringRenewsTheLeaseWithoutDuplicating() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", LEASE);
		this.clock.advance(Duration.ofSeconds(20));
		this.registry.register("join_room", "10.0.0.1", 7000, "http", LEASE);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.registry.list()).singleElement()
			.extracting(Registration::expiresAt)
			.isEqualTo(Instant.parse("2026-01-01T00:00:50Z"));
	}

	@Test
	void latestRegistrationDecidesBetweenPermanentAndLease() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", LEASE);
		this.registry.register("join_room", "10.0.0.1", 7000, "http", null);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.registry.list()).singleElement().extracting(Registration::isPermanent).isEqualTo(true);
		this.registry.register("join_room", "10.0.0.1", 7000, "http", LEASE);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.registry.list()).isEmpty();
	}

	@Test
	void expiredLeaseIsInvisibleBeforeAnySweep() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", LEASE);
		this.clock.advance(LEASE);
		assertThat(this.registry.lookup("join_room")).isEmpty();
		assertThat(this.registry.list()).isEmpty();
	}

	@Test
	void lookupSkipsExpiredProviders() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", LEASE);
		this.registry.register("join_room", "10.0.0.2", 7000, "http", Duration.ofMinutes(5));
		this.clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 5; i++) {
			assertThat(this.registry.lookup("join_room")).get().extracting(Registration::address).isEqualTo("10.0.0.2");
		}
	}

	@Test
	void unregisterRemovesOnlyThatEndpoint() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", null);
		this.registry.register("join_room", "10.0.0.1", 7001, "http", null);
		assertThat(this.registry.unregister("join_room", "10.0.0.1", 7000)).isTrue();
		assertThat(this.registry.unregister("join_room", "10.0.0.1", 7000)).isFalse();
		assertThat(this.registry.unregister("leave_room", "10.0.0.1", 7001)).isFalse();
		assertThat(this.registry.list()).extracting(Registration::port).containsExactly(7001);
	}

	@Test
	void unregisteringAnExpiredLeaseRemovesItButAnswersFalse() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", LEASE);
		this.clock.advance(LEASE);
		assertThat(this.registry.unregister("join_room", "10.0.0.1", 7000)).isFalse();
		assertThat(this.registry.expired(this.clock.instant())).isEmpty();
	}

	@Test
	void listIsSortedByNameAddressAndPort() {
		this.registry.register("send_message", "10.0.0.2", 7000, "http", null);
		this.registry.register("join_room", "10.0.0.2", 7000, "http", null);
		this.registry.register("join_room", "10.0.0.1", 7001, "http", null);
		this.registry.register("join_room", "10.0.0.1", 7000, "http", null);
		assertThat(this.registry.list()).extracting((r) -> r.procedureName() + "@" + r.address() + ":" + r.port())
			.containsExactly("join_room@10.0.0.1:7000", "join_room@10.0.0.1:7001", "join_room@10.0.0.2:7000",
					"send_message@10.0.0.2:7000");
	}

	@Test
	void lookupHandsOutProvidersRoundRobin() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", null);
		this.registry.register("join_room", "10.0.0.2", 7000, "http", null);
		this.registry.register("join_room", "10.0.0.3", 7000, "http", null);
		List<String> picked = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			picked.add(this.registry.lookup("join_room").orElseThrow().address());
		}
		assertThat(picked).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1", "10.0.0.2", "10.0.0.3");
	}

	@Test
	void expiredCollectsOnlyExpiredLeasesAndRemoveSparesRenewedOnes() {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", LEASE);
		this.registry.register("join_room", "10.0.0.2", 7000, "http", LEASE);
		this.registry.register("join_room", "10.0.0.3", 7000, "http", null);
		this.clock.advance(Duration.ofMinutes(1));
		List<Registration> expired = this.registry.expired(this.clock.instant());
		assertThat(expired).extracting(Registration::address).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
		this.registry.register("join_room", "10.0.0.2", 7000, "http", LEASE);
		assertThat(expired.stream().filter(this.registry::remove).count()).isOne();
		assertThat(this.registry.list()).extracting(Registration::address).containsExactly("10.0.0.2", "10.0.0.3");
	}

	@Test
	void concurrentRegistrationsRenewalsAndUnregistrationsLoseNothingAndDuplicateNothing() throws Exception {
		int threads = 8;
		int endpointsPerThread = 200;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < endpointsPerThread; i++) {
						String name = "procedure_" + (i % 10);
						int port = 1000 + thread * endpointsPerThread + i;
						this.registry.register(name, "10.0.0.1", port, "http", LEASE);
						this.registry.register(name, "10.0.0.1", port, "http", LEASE);
						this.registry.lookup(name);
						if (i % 2 == 0) {
							this.registry.unregister(name, "10.0.0.1", port);
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		List<Registration> live = this.registry.list();
		assertThat(live).hasSize(threads * endpointsPerThread / 2);
		assertThat(live).extracting(Registration::port).doesNotHaveDuplicates().allMatch((port) -> port % 2 == 1);
	}

	@Test
	void concurrentLookupsShareProvidersEvenly() throws Exception {
		this.registry.register("join_room", "10.0.0.1", 7000, "http", null);
		this.registry.register("join_room", "10.0.0.2", 7000, "http", null);
		this.registry.register("join_room", "10.0.0.3", 7000, "http", null);
		Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
		ExecutorService executor = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				futures.add(executor.submit(() -> {
					for (int i = 0; i < 500; i++) {
						String address = this.registry.lookup("join_room").orElseThrow().address();
						counts.computeIfAbsent(address, (key) -> new AtomicInteger()).incrementAndGet();
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(counts.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().get())))
			.containsExactlyInAnyOrderEntriesOf(Map.of("10.0.0.1", 1000, "10.0.0.2", 1000, "10.0.0.3", 1000));
	}

}
