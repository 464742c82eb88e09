package dev.rpcchat.rpc;

import dev.rpcchat.api.WireJson;
import dev.rpcchat.rpc.tomcat.TomcatTuning;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Exposes the application's one {@link RpcService} at {@code POST /rpc}, with
 * {@code rpc.discover}, the {@code rpc.server.calls} timer, CORS for the origins of
 * {@code chat.web.allowed-origins} and plain JSON for every answer outside a call.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(RpcService.class)
@EnableConfigurationProperties({ RpcProperties.class, ChatWebProperties.class })
public class RpcAutoConfiguration {

	@Bean
	Envelope rpcEnvelope(RpcService service, ObjectProvider<MeterRegistry> meterRegistry, RpcProperties properties) {
		MeterRegistry registry = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
		return new Envelope(WireJson.newObjectMapper(), service, registry, properties.batch(),
				properties.answerLater());
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
	FilterRegistrationBean<RpcCors> rpcCorsFilter(ChatWebProperties properties) {
		FilterRegistrationBean<RpcCors> registration = new FilterRegistrationBean<>(new RpcCors(properties));
		registration.addUrlPatterns(JsonRpcEndpoint.PATH, JsonRpcEndpoint.PATH + "/");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AnyContentTypeFilter> rpcAnyContentTypeFilter() {
		FilterRegistrationBean<AnyContentTypeFilter> registration = new FilterRegistrationBean<>(
				new AnyContentTypeFilter());
		registration.addUrlPatterns(JsonRpcEndpoint.PATH, JsonRpcEndpoint.PATH + "/");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
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
	@Import(TomcatTuning.class)
	static class TomcatConfiguration {

		@Bean
		TomcatJsonErrors rpcTomcatJsonErrors() {
			return new TomcatJsonErrors();
		}

	}

}
