package dev.rpcchat.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs where the chat server answers, with the port it really got and the scheme its SSL
 * settings give it.
 */
@Component
class ListeningLogger implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ListeningLogger.class);

	private final ChatProperties properties;

	private final ObjectProvider<ServerProperties> server;

	ListeningLogger(ChatProperties properties, ObjectProvider<ServerProperties> server) {
		this.properties = properties;
		this.server = server;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		logger.info("Chat server listening on {}://{}:{}/rpc", ServerScheme.of(this.server.getIfAvailable()),
				this.properties.advertisedAddress(), event.getWebServer().getPort());
	}

}
