package dev.rpcchat.binder;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs where the binder's JSON-RPC endpoint answers, once the web server has its port:
 * {@code https} when it serves TLS ({@code server.ssl.bundle}).
 */
@Component
class ListeningAnnouncer implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ListeningAnnouncer.class);

	private final ObjectProvider<ServerProperties> serverProperties;

	ListeningAnnouncer(ObjectProvider<ServerProperties> serverProperties) {
		this.serverProperties = serverProperties;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		int port = event.getWebServer().getPort();
		ServerProperties server = this.serverProperties.getIfAvailable();
		InetAddress address = (server != null) ? server.getAddress() : null;
		String scheme = (server != null && Ssl.isEnabled(server.getSsl())) ? "https" : "http";
		if (address == null || address.isAnyLocalAddress()) {
			logger.info("Binder listening on {}://localhost:{}/rpc (all interfaces)", scheme, port);
		}
		else {
			String host = address.getHostAddress();
			host = (host.indexOf(':') >= 0) ? "[" + host + "]" : host;
			logger.info("Binder listening on {}://{}:{}/rpc", scheme, host, port);
		}
	}

}
