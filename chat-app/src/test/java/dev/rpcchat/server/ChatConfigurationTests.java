package dev.rpcchat.server;

import java.util.concurrent.atomic.AtomicReference;

import dev.rpcchat.test.ExpectedLogs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

import dev.rpcchat.server.rate.RateLimit;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.TestLimits;
import dev.rpcchat.server.store.memory.MemoryChatStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class ChatConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(FeatureConfiguration.class);

	@Test
	void theMemoryStoreIsTheDefault() {
		this.runner.run((context) -> assertThat(context).getBean(ChatStore.class).isInstanceOf(MemoryChatStore.class));
	}

	@Test
	void anotherStoreReplacesTheMemoryStore() {
		this.runner.withPropertyValues("chat.store=redis")
			.withBean("otherChatStore", ChatStore.class,
					() -> new MemoryChatStore(TestLimits.history(50), (message) -> {
					}))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("memoryChatStore");
				assertThat(context).hasSingleBean(ChatStore.class);
			});
	}

	@Test
	void aRateOfZeroTurnsTheLimitOff() {
		this.runner.withPropertyValues("chat.messages.per-second=0")
			.run((context) -> assertThat(context.getBean(ChatProperties.class).storeLimits().sendRate().isOff())
				.isTrue());
		this.runner.run((context) -> assertThat(context.getBean(ChatProperties.class).storeLimits().sendRate())
			.isEqualTo(RateLimit.perSecond(20, 40)));
	}

	@Test
	void aBadValueStopsTheAppNamingThePropertyAsWritten() {
		assertThat(failure("chat.rooms.history-limit=3"))
			.contains("chat.rooms.history-limit: must be greater than or equal to 50 (was '3')");
		assertThat(failure("chat.messages.max-length=0", "chat.limits.max-users=0"))
			.contains("chat.messages.max-length: must be greater than or equal to 1 (was '0')")
			.contains("chat.limits.max-users: must be greater than or equal to 1 (was '0')");
		assertThat(failure("chat.users.session-ttl=soon"))
			.contains("chat.users.session-ttl: 'soon' is not a valid duration (such as 30s, 5m or 500ms)");
	}

	@Test
	void aMisspelledChatPropertyStopsTheApp() {
		assertThat(failure("chat.messages.max-lenght=5"))
			.contains("chat.messages.max-lenght: there is no such setting");
		assertThat(failure("chat.advertized-address=10.0.0.1"))
			.contains("chat.advertized-address: there is no such setting");
	}

	@ParameterizedTest
	@ValueSource(strings = { "notaurl", "ftp://localhost:5000/rpc", "http:///rpc", "localhost:5000" })
	void aBinderUrlThatIsNotHttpStopsTheAppInOneSentence(String url) {
		assertThat(failure("chat.binder.url=" + url)).contains("chat.binder.url: must be an absolute http:// or "
				+ "https:// URL, such as http://localhost:5000/rpc (was '" + url + "')");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theApplicationStartedWithABadBinderUrlSaysSoWithoutATrace(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(ChatServerApplication.class)
			.run("--server.port=0", "--chat.binder.url=ftp://localhost:5000/rpc"));
		assertThat(output).contains("chat.binder.url: must be an absolute http:// or https:// URL")
			.doesNotContain("ClassCastException")
			.doesNotContain("\tat ");
	}

	@Test
	void minimumsAreAccepted() {
		this.runner
			.withPropertyValues("chat.rooms.history-limit=50", "chat.messages.max-length=1", "chat.messages.burst=1",
					"chat.registration.ttl=3s", "chat.rooms.idle-ttl=1s", "chat.rooms.reaper-interval=100ms",
					"chat.users.session-ttl=1s", "chat.limits.max-users=1", "chat.limits.max-rooms=1",
					"chat.binder.url=https://binder.example:5000/rpc")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	/** The description of the start-up failure these settings cause. */
	private String failure(String... properties) {
		AtomicReference<String> description = new AtomicReference<>();
		try (ExpectedLogs logs = ExpectedLogs.of(AnnotationConfigApplicationContext.class)) {
			this.runner.withPropertyValues(properties).run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ChatPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				description.set(analysis.getDescription());
			});
			assertThat(logs.text()).startsWith("WARN Exception encountered during context initialization");
		}
		return description.get();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ChatProperties.class)
	@ComponentScan(excludeFilters = { @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ChatServerApplication.class),
			@Filter(type = FilterType.REGEX, pattern = { "dev\\.rpcchat\\.server\\.binder\\..*",
					"dev\\.rpcchat\\.server\\.store\\.redis\\..*" }) })
	static class FeatureConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
