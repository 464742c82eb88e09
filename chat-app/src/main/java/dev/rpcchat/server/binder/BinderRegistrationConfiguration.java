package dev.rpcchat.server.binder;

import java.net.MalformedURLException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import com.googlecode.jsonrpc4j.JsonRpcHttpClient;
import com.googlecode.jsonrpc4j.ProxyUtil;
import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ClientTrust;
import dev.rpcchat.api.WireJson;
import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.ServerScheme;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the chat server's registration with the binder: a short-timeout JSON-RPC client
 * of {@link BinderService} (over HTTPS too, trusting the JVM's trust store plus
 * {@code chat.tls.trust-bundle}), the registrar with the scheme this server speaks, its
 * lease renewer and its health indicator.
 */
@Configuration(proxyBeanMethods = false)
class BinderRegistrationConfiguration {

	static final int CONNECT_TIMEOUT_MILLIS = 1000;

	static final int READ_TIMEOUT_MILLIS = 3000;

	private static final String TRUST_BUNDLE = "chat.tls.trust-bundle";

	@Bean
	BinderRegistrar binderRegistrar(ChatProperties properties, SslBundles sslBundles,
			ObjectProvider<ServerProperties> server, ObjectProvider<Clock> clock) {
		BinderService binder = binderClient(properties.binder(), trust(properties.tls(), sslBundles));
		LeaseRenewer renewer = new LeaseRenewer(properties.registration().ttl());
		return new BinderRegistrar(binder, properties, renewer, ServerScheme.of(server.getIfAvailable()),
				clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	BinderHealthIndicator binderRegistrationHealthIndicator(BinderRegistrar binderRegistrar) {
		return new BinderHealthIndicator(binderRegistrar);
	}

	static BinderService binderClient(ChatProperties.Binder binder) {
		return binderClient(binder, ClientTrust.sslContext(List.of()));
	}

	static BinderService binderClient(ChatProperties.Binder binder, SSLContext trust) {
		Map<String, String> headers = (binder.token() != null && !binder.token().isBlank())
				? Map.of("Authorization", "Bearer " + binder.token()) : Map.of();
		try {
			JsonRpcHttpClient client = new JsonRpcHttpClient(WireJson.newObjectMapper(), binder.url().toURL(), headers);
			client.setConnectionTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
			client.setReadTimeoutMillis(READ_TIMEOUT_MILLIS);
			client.setSslContext(trust);
			return ProxyUtil.createClientProxy(BinderService.class.getClassLoader(), BinderService.class, client);
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("chat.binder.url is not a valid URL: " + binder.url(), ex);
		}
	}

	/**
	 * What the binder client trusts: the JVM's trust store, plus the certificates of the
	 * bundle that {@code chat.tls.trust-bundle} names.
	 */
	static SSLContext trust(ChatProperties.Tls tls, SslBundles sslBundles) {
		String name = tls.trustBundle();
		if (name == null || name.isBlank()) {
			return ClientTrust.sslContext(List.of());
		}
		KeyStore store;
		try {
			store = sslBundles.getBundle(name).getStores().getTrustStore();
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(TRUST_BUNDLE, name,
					"There is no SSL bundle of that name. Define it with spring.ssl.bundle.pem." + name
							+ ".truststore.certificate=<a PEM file> (or spring.ssl.bundle.jks." + name
							+ ".truststore.location=<a key store>).");
		}
		if (store == null) {
			throw new InvalidConfigurationPropertyValueException(TRUST_BUNDLE, name,
					"That SSL bundle has no trust store. Give it one with spring.ssl.bundle.pem." + name
							+ ".truststore.certificate=<a PEM file>.");
		}
		return ClientTrust.sslContext(ClientTrust.certificates(store));
	}

}
