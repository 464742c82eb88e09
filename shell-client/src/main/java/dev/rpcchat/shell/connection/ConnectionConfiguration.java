package dev.rpcchat.shell.connection;

import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.SSLContext;

import dev.rpcchat.api.ClientTrust;
import dev.rpcchat.shell.ChatBinderProperties;
import dev.rpcchat.shell.ChatTlsProperties;
import dev.rpcchat.shell.ShellProperties;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shell's way to the binder and the chat server, over HTTPS where their URLs say so,
 * trusting the JVM's trust store plus {@code chat.tls.trust-bundle}.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

	@Bean
	ChatConnection chatConnection(ChatBinderProperties binder, ShellProperties properties, ChatTlsProperties tls,
			SslBundles sslBundles) {
		return ChatConnection.connect(binder.url(), properties.requestTimeout(), trust(tls, sslBundles));
	}

	static SSLContext trust(ChatTlsProperties tls, SslBundles sslBundles) {
		String name = tls.trustBundle();
		if (name == null || name.isBlank()) {
			return ClientTrust.sslContext(List.of());
		}
		KeyStore store;
		try {
			store = sslBundles.getBundle(name).getStores().getTrustStore();
		}
		catch (NoSuchSslBundleException ex) {
			throw new IllegalArgumentException("chat.tls.trust-bundle names '" + name
					+ "', but there is no SSL bundle of that name: define it with --spring.ssl.bundle.pem." + name
					+ ".truststore.certificate=<a PEM file>.");
		}
		if (store == null) {
			throw new IllegalArgumentException("chat.tls.trust-bundle names '" + name
					+ "', an SSL bundle without a trust store: give it one with --spring.ssl.bundle.pem." + name
					+ ".truststore.certificate=<a PEM file>.");
		}
		return ClientTrust.sslContext(ClientTrust.certificates(store));
	}

}
