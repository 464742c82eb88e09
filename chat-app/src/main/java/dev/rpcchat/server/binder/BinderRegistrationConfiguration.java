package dev.rpcchat.server.binder;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.Map;

import com.googlecode.jsonrpc4j.JsonRpcHttpClient;
import com.googlecode.jsonrpc4j.ProxyUtil;
import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.WireJson;
import dev.rpcchat.server.ChatProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the chat server's registration with the binder: a short-timeout JSON-RPC client
 * of {@link BinderService}, the registrar, its lease renewer and its health indicator.
 */
@Configuration(proxyBeanMethods = false)
class BinderRegistrationConfiguration {

	static final int CONNECT_TIMEOUT_MILLIS = 1000;

	static final int READ_TIMEOUT_MILLIS = 3000;

	@Bean
	BinderRegistrar binderRegistrar(ChatProperties properties, ObjectProvider<Clock> clock) {
		BinderService binder = binderClient(properties.binder());
		LeaseRenewer renewer = new LeaseRenewer(properties.registration().ttl());
		return new BinderRegistrar(binder, properties, renewer, clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	BinderHealthIndicator binderRegistrationHealthIndicator(BinderRegistrar binderRegistrar) {
		return new BinderHealthIndicator(binderRegistrar);
	}

	static BinderService binderClient(ChatProperties.Binder binder) {
		Map<String, String> headers = (binder.token() != null && !binder.token().isBlank())
				? Map.of("Authorization", "Bearer " + binder.token()) : Map.of();
		try {
			JsonRpcHttpClient client = new JsonRpcHttpClient(WireJson.newObjectMapper(), binder.url().toURL(), headers);
			client.setConnectionTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
			client.setReadTimeoutMillis(READ_TIMEOUT_MILLIS);
			return ProxyUtil.createClientProxy(BinderService.class.getClassLoader(), BinderService.class, client);
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("chat.binder.url is not a valid URL: " + binder.url(), ex);
		}
	}

}
