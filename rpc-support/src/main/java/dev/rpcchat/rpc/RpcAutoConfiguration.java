package dev.rpcchat.rpc;

import dev.rpcchat.api.WireJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Exposes the application's one {@link RpcService} at {@code POST /rpc}, with
 * {@code rpc.discover} and the {@code rpc.server.calls} timer.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(RpcService.class)
public class RpcAutoConfiguration {

	@Bean
	Envelope rpcEnvelope(RpcService service, ObjectProvider<MeterRegistry> meterRegistry) {
		MeterRegistry registry = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
		return new Envelope(WireJson.newObjectMapper(), service, registry);
	}

	@Bean
	JsonRpcEndpoint jsonRpcEndpoint(Envelope rpcEnvelope) {
		return new JsonRpcEndpoint(rpcEnvelope);
	}

	@Bean
	RpcDispatcher rpcDispatcher(Envelope rpcEnvelope) {
		return new RpcDispatcher(rpcEnvelope);
	}

	@Bean
	FilterRegistrationBean<AnyContentTypeFilter> rpcAnyContentTypeFilter() {
		FilterRegistrationBean<AnyContentTypeFilter> registration = new FilterRegistrationBean<>(
				new AnyContentTypeFilter());
		registration.addUrlPatterns(JsonRpcEndpoint.PATH, JsonRpcEndpoint.PATH + "/");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	RpcErrorController rpcErrorController() {
		return new RpcErrorController();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.startup.Tomcat",
			"org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory" })
	static class TomcatConfiguration {

		@Bean
		TomcatJsonErrors rpcTomcatJsonErrors() {
			return new TomcatJsonErrors();
		}

		@Bean
		TomcatCompactBuffers rpcTomcatCompactBuffers() {
			return new TomcatCompactBuffers();
		}

	}

}
