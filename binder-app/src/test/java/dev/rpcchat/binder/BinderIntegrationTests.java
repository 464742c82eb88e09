package dev.rpcchat.binder;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpcchat.api.WireFormat;
import dev.rpcchat.test.MutableClock;
import dev.rpcchat.test.RpcTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BinderIntegrationTests {

	private static final String HUGE = "x".repeat(100_000);

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private RegistrationSweeper sweeper;

	private RpcTestClient client;

	@BeforeEach
	void emptyTheRegistry() {
		this.client = RpcTestClient.to(this.port);
		this.clock.advance(Duration.ofDays(1));
		this.sweeper.sweep();
		for (JsonNode entry : this.client.result("list_procedures", null)) {
			this.client.result("unregister_procedure", List.of(entry.get("procedure_name").asText(),
					entry.get("address").asText(), entry.get("port").asInt()));
		}
		assertThat(listed()).isEmpty();
	}

	@Test
	void registersByNameWithoutTtlAsPermanentEntry() {
		JsonNode result = this.client.result("register_procedure",
				Map.of("procedure_name", "join_room", "address", "127.0.0.1", "port", 7000));
		assertThat(result.asBoolean()).isTrue();
		this.clock.advance(Duration.ofDays(400));
		assertThat(listed()).containsExactly("join_room@127.0.0.1:7000 until null");
	}

	@Test
	void registersByPositionWithAndWithoutTtl() {
		assertThat(this.client.result("register_procedure", List.of("join_room", "127.0.0.1", 7000)).asBoolean())
			.isTrue();
		assertThat(this.client.result("register_procedure", List.of("leave_room", "127.0.0.1", 7000, 30)).asBoolean())
			.isTrue();
		assertThat(listed()).containsExactly("join_room@127.0.0.1:7000 until null",
				"leave_room@127.0.0.1:7000 until " + wire(this.clock.instant().plusSeconds(30)));
	}

	@Test
	void registersWithExplicitNullTtlAsPermanentEntry() {
		Map<String, Object> params = new HashMap<>(
				Map.of("procedure_name", "join_room", "address", "127.0.0.1", "port", 7000));
		params.put("ttl_seconds", null);
		this.client.result("register_procedure", params);
		assertThat(listed()).containsExactly("join_room@127.0.0.1:7000 until null");
	}

	@Test
	void listsEntriesSortedWithExpiryAsUtcMilliseconds() {
		register("send_message", "127.0.0.1", 7001, null);
		register("join_room", "127.0.0.2", 7000, 30);
		register("join_room", "127.0.0.1", 7000, null);
		JsonNode entries = this.client.result("list_procedures", null);
		assertThat(entries).hasSize(3);
		assertThat(entries.get(0).toString()).isEqualTo(
				"{\"procedure_name\":\"join_room\",\"address\":\"127.0.0.1\",\"port\":7000,\"scheme\":\"http\",\"expires_at\":null}");
		assertThat(entries.get(1).get("expires_at").asText())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(entries.get(2).get("procedure_name").asText()).isEqualTo("send_message");
		assertThat(this.client.result("list_procedures", List.of())).hasSize(3);
	}

	@Test
	void looksUpByNameAndByPosition() {
		register("join_room", "10.1.2.3", 7000, 30);
		JsonNode byName = this.client.result("lookup_procedure", Map.of("procedure_name", "join_room"));
		assertThat(byName.toString())
			.isEqualTo("{\"procedure_name\":\"join_room\",\"address\":\"10.1.2.3\",\"port\":7000,\"scheme\":\"http\"}");
		JsonNode byPosition = this.client.result("lookup_procedure", List.of("join_room"));
		assertThat(byPosition).isEqualTo(byName);
	}

	@Test
	void lookupOfUnknownProcedureIs2001() {
		JsonNode error = this.client.error("lookup_procedure", Map.of("procedure_name", "join_room"));
		assertThat(error.get("code").asInt()).isEqualTo(2001);
		assertThat(error.get("data").get("reason").asText()).isEqualTo("PROCEDURE_NOT_FOUND");
		assertThat(error.get("message").asText()).endsWith(".");
	}

	@Test
	void lookupHandsOutProvidersRoundRobin() {
		register("join_room", "10.0.0.1", 7000, null);
		register("join_room", "10.0.0.2", 7000, null);
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			addresses.add(this.client.result("lookup_procedure", List.of("join_room")).get("address").asText());
		}
		assertThat(addresses).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.1", "10.0.0.2");
	}

	@Test
	void unregisterAnswersWhetherAnEntryWasRemoved() {
		register("join_room", "127.0.0.1", 7000, 30);
		register("join_room", "127.0.0.1", 7001, 30);
		assertThat(this.client
			.result("unregister_procedure", Map.of("procedure_name", "join_room", "address", "127.0.0.1", "port", 7000))
			.asBoolean()).isTrue();
		assertThat(this.client.result("unregister_procedure", List.of("join_room", "127.0.0.1", 7000)).asBoolean())
			.isFalse();
		assertThat(listed())
			.containsExactly("join_room@127.0.0.1:7001 until " + wire(this.clock.instant().plusSeconds(30)));
	}

	@Test
	void leaseExpiresWithoutRenewalEvenBeforeTheSweeperRuns() {
		register("join_room", "127.0.0.1", 7000, 30);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.client.result("lookup_procedure", List.of("join_room")).get("port").asInt()).isEqualTo(7000);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.client.error("lookup_procedure", List.of("join_room")).get("code").asInt()).isEqualTo(2001);
		assertThat(listed()).isEmpty();
		assertThat(this.sweeper.sweep()).isOne();
	}

	@Test
	void reRegisteringRenewsTheLeaseWithoutDuplicatingIt() {
		register("join_room", "127.0.0.1", 7000, 30);
		this.clock.advance(Duration.ofSeconds(20));
		register("join_room", "127.0.0.1", 7000, 30);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.sweeper.sweep()).isZero();
		assertThat(listed())
			.containsExactly("join_room@127.0.0.1:7000 until " + wire(this.clock.instant().plusSeconds(10)));
	}

	@Test
	void latestRegistrationDecidesBetweenLeaseAndPermanent() {
		register("join_room", "127.0.0.1", 7000, 30);
		register("join_room", "127.0.0.1", 7000, null);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(listed()).containsExactly("join_room@127.0.0.1:7000 until null");
		register("join_room", "127.0.0.1", 7000, 5);
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(listed()).isEmpty();
	}

	@Test
	void lookupSkipsExpiredProviders() {
		register("join_room", "10.0.0.1", 7000, 10);
		register("join_room", "10.0.0.2", 7000, 60);
		this.clock.advance(Duration.ofSeconds(30));
		for (int i = 0; i < 3; i++) {
			assertThat(this.client.result("lookup_procedure", List.of("join_room")).get("address").asText())
				.isEqualTo("10.0.0.2");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRegistrations")
	void rejectsInvalidRegistrationAndLeavesTheRegistryUnchanged(String description, Object params, int expectedCode) {
		register("join_room", "127.0.0.1", 7000, null);
		List<String> before = listed();
		JsonNode error = this.client.error("register_procedure", params);
		assertThat(error.get("code").asInt()).isEqualTo(expectedCode);
		assertThat(error.toString()).doesNotContain("Exception").doesNotContain("dev.rpcchat").hasSizeLessThan(2000);
		assertThat(listed()).isEqualTo(before);
	}

	static Stream<Arguments> invalidRegistrations() {
		return Stream.of(arguments("empty procedure_name", named("", "127.0.0.1", 7001, null), 2002),
				arguments("null procedure_name", named(null, "127.0.0.1", 7001, null), -32602),
				arguments("blank procedure_name", named("  ", "127.0.0.1", 7001, null), 2002),
				arguments("procedure_name with a space", named("join room", "127.0.0.1", 7001, null), 2002),
				arguments("huge procedure_name", named(HUGE, "127.0.0.1", 7001, null), 2002),
				arguments("empty address", named("join_room", "", 7001, null), 2002),
				arguments("null address", named("join_room", null, 7001, null), -32602),
				arguments("huge address", named("join_room", HUGE, 7001, null), 2002),
				arguments("address with a newline", named("join_room", "evil\n.example", 7001, null), 2002),
				arguments("port 0", named("join_room", "127.0.0.1", 0, null), 2002),
				arguments("port -1", named("join_room", "127.0.0.1", -1, null), 2002),
				arguments("port 65536", named("join_room", "127.0.0.1", 65536, null), 2002),
				arguments("port 0 by position", List.of("join_room", "127.0.0.1", 0), 2002),
				arguments("port as text", named("join_room", "127.0.0.1", "abc", null), -32602),
				arguments("port as a fraction", named("join_room", "127.0.0.1", 7001.5, null), -32602),
				arguments("port as an object", named("join_room", "127.0.0.1", Map.of("n", 1), null), -32602),
				arguments("port beyond int", named("join_room", "127.0.0.1", 99_999_999_999L, null), 2002),
				arguments("port beyond any integer type",
						named("join_room", "127.0.0.1", new BigInteger("99999999999999999999"), null), 2002),
				arguments("port 2^63", named("join_room", "127.0.0.1", BigInteger.TWO.pow(63), null), 2002),
				arguments("port -2^63 - 1",
						named("join_room", "127.0.0.1", BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE), null),
						2002),
				arguments("port of 300 digits by position", List.of("join_room", "127.0.0.1", BigInteger.TEN.pow(300)),
						2002),
				arguments("port as an exponent", named("join_room", "127.0.0.1", 7e3, null), -32602),
				arguments("scheme ftp", withScheme("ftp"), 2002), arguments("scheme HTTPS", withScheme("HTTPS"), 2002),
				arguments("empty scheme", withScheme(""), 2002), arguments("scheme as a number", withScheme(1), -32602),
				arguments("scheme as an array", withScheme(List.of("http")), -32602),
				arguments("procedure_name as an object", named(Map.of("a", 1), "127.0.0.1", 7001, null), -32602),
				arguments("procedure_name as an array", named(List.of("a"), "127.0.0.1", 7001, null), -32602),
				arguments("ttl_seconds 0", named("join_room", "127.0.0.1", 7001, 0), -32602),
				arguments("ttl_seconds negative", named("join_room", "127.0.0.1", 7001, -30), -32602),
				arguments("ttl_seconds as text", named("join_room", "127.0.0.1", 7001, "soon"), -32602),
				arguments("ttl_seconds 0 by position", List.of("join_room", "127.0.0.1", 7001, 0), -32602),
				arguments("missing port", Map.of("procedure_name", "join_room", "address", "127.0.0.1"), -32602),
				arguments("missing procedure_name", Map.of("address", "127.0.0.1", "port", 7001), -32602),
				arguments("unknown parameter",
						Map.of("procedure_name", "join_room", "address", "127.0.0.1", "port", 7001, "weight", 3),
						-32602),
				arguments("too few positional params", List.of("join_room", "127.0.0.1"), -32602), arguments(
						"too many positional params", List.of("join_room", "127.0.0.1", 7001, 30, "http", 1), -32602));
	}

	@Test
	void registersAnHttpsProviderAndLookupsAndListingsSayHttps() {
		Map<String, Object> params = named("join_room", "10.1.2.3", 7443, 30);
		params.put("scheme", "https");
		assertThat(this.client.result("register_procedure", params).asBoolean()).isTrue();
		assertThat(this.client.result("lookup_procedure", List.of("join_room")).toString()).isEqualTo(
				"{\"procedure_name\":\"join_room\",\"address\":\"10.1.2.3\",\"port\":7443,\"scheme\":\"https\"}");
		assertThat(this.client.result("list_procedures", null).get(0).get("scheme").asText()).isEqualTo("https");
	}

	@Test
	void schemeIsOptionalByPositionAndNullMeansHttp() {
		this.client.result("register_procedure", List.of("join_room", "127.0.0.1", 7000, 30, "https"));
		this.client.result("register_procedure", Arrays.asList("leave_room", "127.0.0.1", 7000, null, null));
		assertThat(schemes()).containsExactly("join_room@127.0.0.1:7000 https", "leave_room@127.0.0.1:7000 http");
	}

	@Test
	void latestRegistrationOfAnEndpointDecidesItsScheme() {
		this.client.result("register_procedure", List.of("join_room", "127.0.0.1", 7000, 30, "https"));
		this.client.result("register_procedure", List.of("join_room", "127.0.0.1", 7000, 30));
		assertThat(schemes()).containsExactly("join_room@127.0.0.1:7000 http");
		this.client.result("register_procedure", List.of("join_room", "127.0.0.1", 7000, 30, "https"));
		assertThat(schemes()).containsExactly("join_room@127.0.0.1:7000 https");
		assertThat(this.client.result("lookup_procedure", List.of("join_room")).get("scheme").asText())
			.isEqualTo("https");
		assertThat(this.client.result("unregister_procedure", List.of("join_room", "127.0.0.1", 7000)).asBoolean())
			.isTrue();
		assertThat(schemes()).isEmpty();
	}

	@Test
	void aLoneSurrogateInARegistrationIsRefusedAndListingsKeepWorking() {
		register("join_room", "127.0.0.1", 7000, null);
		String body = "{\"jsonrpc\":\"2.0\",\"method\":\"register_procedure\","
				+ "\"params\":[\"\\ud800\",\"\\ud800\",7001],\"id\":1}";
		// refused as a bad endpoint, or earlier as a bad string parameter
		assertThat(this.client.answer(body, "Content-Type", "application/json").get("error").get("code").asInt())
			.isIn(2002, -32602);
		assertThat(listed()).containsExactly("join_room@127.0.0.1:7000 until null");
		assertThat(this.client.result("lookup_procedure", List.of("join_room")).get("port").asInt()).isEqualTo(7000);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidUnregistrations")
	void rejectsInvalidUnregistrationAndLeavesTheRegistryUnchanged(String description, Object params,
			int expectedCode) {
		register("join_room", "127.0.0.1", 7000, null);
		List<String> before = listed();
		assertThat(this.client.error("unregister_procedure", params).get("code").asInt()).isEqualTo(expectedCode);
		assertThat(listed()).isEqualTo(before);
	}

	static Stream<Arguments> invalidUnregistrations() {
		return Stream.of(arguments("empty procedure_name", List.of("", "127.0.0.1", 7000), 2002),
				arguments("empty address", List.of("join_room", "", 7000), 2002),
				arguments("port 70000", List.of("join_room", "127.0.0.1", 70000), 2002),
				arguments("port as text", List.of("join_room", "127.0.0.1", "x"), -32602),
				arguments("port 2^64", List.of("join_room", "127.0.0.1", BigInteger.TWO.pow(64)), 2002),
				arguments("missing port", Map.of("procedure_name", "join_room", "address", "127.0.0.1"), -32602));
	}

	@Test
	void rejectsLookupWithWrongParameters() {
		register("join_room", "127.0.0.1", 7000, null);
		assertThat(this.client.error("lookup_procedure", Map.of()).get("code").asInt()).isEqualTo(-32602);
		assertThat(this.client.error("lookup_procedure", List.of(Map.of("x", 1))).get("code").asInt())
			.isEqualTo(-32602);
		assertThat(this.client.error("lookup_procedure", List.of("join_room", "extra")).get("code").asInt())
			.isEqualTo(-32602);
		assertThat(this.client.error("lookup_procedure", List.of(HUGE)).get("code").asInt()).isEqualTo(2001);
		assertThat(this.client.error("list_procedures", List.of("extra")).get("code").asInt()).isEqualTo(-32602);
	}

	@Test
	void refusesA16MiBRegistrationWithInvalidRequestAndGoesOn() {
		register("join_room", "127.0.0.1", 7000, null);
		List<String> before = listed();
		String body = "{\"jsonrpc\":\"2.0\",\"method\":\"register_procedure\",\"params\":[\""
				+ "x".repeat(16 * 1024 * 1024) + "\",\"127.0.0.1\",7001],\"id\":1}";
		JsonNode response = this.client.answer(body, "Content-Type", "application/json");
		assertThat(response.get("error").get("code").asInt()).isEqualTo(-32600);
		assertThat(response.get("id").isNull()).isTrue();
		assertThat(listed()).isEqualTo(before);
	}

	@Test
	void unknownMethodIsMethodNotFound() {
		assertThat(this.client.error("register_procedures", List.of()).get("code").asInt()).isEqualTo(-32601);
	}

	@Test
	void concurrentWritersAndReadersLoseNothingAndDuplicateNothing() throws Exception {
		int threads = 8;
		int endpointsPerThread = 12;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < endpointsPerThread; i++) {
						String name = "procedure_" + (i % 3);
						int port = 10_000 + thread * endpointsPerThread + i;
						register(name, "127.0.0.1", port, 30);
						register(name, "127.0.0.1", port, 30);
						this.client.result("lookup_procedure", List.of(name));
						if (i % 2 == 0) {
							this.client.result("unregister_procedure", List.of(name, "127.0.0.1", port));
						}
						this.client.result("list_procedures", null);
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
		JsonNode entries = this.client.result("list_procedures", null);
		List<Integer> ports = new ArrayList<>();
		entries.forEach((entry) -> ports.add(entry.get("port").asInt()));
		assertThat(ports).hasSize(threads * endpointsPerThread / 2)
			.doesNotHaveDuplicates()
			.allMatch((port) -> port % 2 == 1);
	}

	@Test
	void concurrentLookupsShareThreeProvidersEvenly() throws Exception {
		register("join_room", "10.0.0.1", 7000, null);
		register("join_room", "10.0.0.2", 7000, null);
		register("join_room", "10.0.0.3", 7000, null);
		Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
		ExecutorService executor = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				futures.add(executor.submit(() -> {
					for (int i = 0; i < 500; i++) {
						String address = this.client.result("lookup_procedure", List.of("join_room"))
							.get("address")
							.asText();
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

	private void register(String name, String address, int port, Integer ttlSeconds) {
		assertThat(this.client.result("register_procedure", named(name, address, port, ttlSeconds)).asBoolean())
			.isTrue();
	}

	private List<String> listed() {
		List<String> entries = new ArrayList<>();
		for (JsonNode entry : this.client.result("list_procedures", null)) {
			JsonNode expiresAt = entry.get("expires_at");
			entries.add(entry.get("procedure_name").asText() + "@" + entry.get("address").asText() + ":"
					+ entry.get("port").asInt() + " until " + (expiresAt.isNull() ? "null" : expiresAt.asText()));
		}
		return entries;
	}

	private List<String> schemes() {
		List<String> entries = new ArrayList<>();
		for (JsonNode entry : this.client.result("list_procedures", null)) {
			entries.add(entry.get("procedure_name").asText() + "@" + entry.get("address").asText() + ":"
					+ entry.get("port").asInt() + " " + entry.get("scheme").asText());
		}
		return entries;
	}

	private static String wire(Instant instant) {
		return DateTimeFormatter.ofPattern(WireFormat.TIMESTAMP_PATTERN).withZone(ZoneOffset.UTC).format(instant);
	}

	private static Map<String, Object> named(Object name, Object address, Object port, Object ttlSeconds) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("procedure_name", name);
		params.put("address", address);
		params.put("port", port);
		if (ttlSeconds != null) {
			params.put("ttl_seconds", ttlSeconds);
		}
		return params;
	}

	private static Map<String, Object> withScheme(Object scheme) {
		Map<String, Object> params = named("join_room", "127.0.0.1", 7001, null);
		params.put("scheme", scheme);
		return params;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfiguration {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return MutableClock.at("2026-01-01T00:00:00Z");
		}

	}

}
