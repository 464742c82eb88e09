package dev.rpcchat.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

import dev.rpcchat.server.rate.RateLimit;
import dev.rpcchat.server.store.ChatStore;
import dev.rpcchat.server.store.StoreLimits;
import dev.rpcchat.server.store.memory.MemoryChatStore;

import static org.assertj.core.api.Assertions.assertThat;

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
					() -> new MemoryChatStore(StoreLimits.ofHistory(50), (message) -> {
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
	void aBadValueStopsTheAppNamingTheProperty() {
		this.runner.withPropertyValues("chat.rooms.history-limit=3").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("rooms.historyLimit");
		});
		this.runner.withPropertyValues("chat.users.session-ttl=soon").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("chat.users.session-ttl");
		});
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
