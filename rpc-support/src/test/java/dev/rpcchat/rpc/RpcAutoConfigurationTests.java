package dev.rpcchat.rpc;

import dev.rpcchat.test.ExpectedLogs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layer appears in a servlet web application that declares an {@link RpcService}, and
 * nowhere else.
 */
class RpcAutoConfigurationTests {

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class));

	@Test
	void exposesTheServiceWhenOneIsDeclared() {
		this.web.withBean(RpcService.class, RpcAutoConfigurationTests::sampleService).run((context) -> {
			assertThat(context).hasSingleBean(JsonRpcEndpoint.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.extracting(FilterRegistrationBean::getFilter)
				.hasExactlyElementsOfTypes(RpcCors.class, AnyContentTypeFilter.class);
		});
	}

	@Test
	void backsOffWithoutService() {
		this.web.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcEndpoint.class));
	}

	@Test
	void backsOffOutsideWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
			.withBean(RpcService.class, RpcAutoConfigurationTests::sampleService)
			.run((context) -> assertThat(context).doesNotHaveBean(JsonRpcEndpoint.class));
	}

	@Test
	void failsAtStartWhenTheContractCannotBeServed() {
		try (ExpectedLogs logs = ExpectedLogs.of(AnnotationConfigServletWebApplicationContext.class)) {
			this.web.withBean(RpcService.class,
					() -> new RpcService(MethodDescriptorTests.Twice.class, new MethodDescriptorTests.Twice() {
						@Override
						public void one() {
						}

						@Override
						public void two(int a) {
						}
					}))
				.run((context) -> assertThat(context).hasFailed());
		}
	}

	@Test
	void answersErrorsWithPlainJsonUnlessTheApplicationHasItsOwnErrorController() {
		this.web.withBean(RpcService.class, RpcAutoConfigurationTests::sampleService)
			.run((context) -> assertThat(context).hasSingleBean(RpcErrorController.class)
				.hasSingleBean(TomcatJsonErrors.class));
		this.web.withBean(RpcService.class, RpcAutoConfigurationTests::sampleService)
			.withBean(ErrorController.class, () -> new ErrorController() {
			})
			.run((context) -> assertThat(context).doesNotHaveBean(RpcErrorController.class)
				.hasSingleBean(ErrorController.class));
	}

	@Test
	void refusesToStartWithBatchLimitsThatCannotWork() {
		try (ExpectedLogs logs = ExpectedLogs.of(AnnotationConfigServletWebApplicationContext.class)) {
			this.web.withBean(RpcService.class, RpcAutoConfigurationTests::sampleService)
				.withPropertyValues("rpc.batch.max-calls=0")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("batch.maxCalls")
					.hasMessageContaining("must be greater than or equal to 1"));
		}
	}

	@Test
	void bindsBatchLimitsAndTomcatSwitchesWithTheirDefaults() {
		this.web.withBean(RpcService.class, RpcAutoConfigurationTests::sampleService).run((context) -> {
			RpcProperties properties = context.getBean(RpcProperties.class);
			assertThat(properties.batch().maxCalls()).isEqualTo(100);
			assertThat(properties.batch().maxAnswerSize().toMegabytes()).isEqualTo(16);
			assertThat(properties.tomcat()).isEqualTo(new RpcProperties.Tomcat(true, true, true, true));
		});
	}

	private static RpcService sampleService() {
		return new RpcService(SampleService.class, new SampleApplication.SampleServiceImplementation());
	}

}
