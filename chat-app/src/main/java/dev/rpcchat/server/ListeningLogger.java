package dev.rpcchat.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Logs where the chat server answers, with the port it really got.
 */
@Component
class ListeningLogger implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ListeningLogger.class);

	private final ChatProperties properties;

	ListeningLogger(ChatProperties properties) {
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		logger.info("Chat server listening on http://{}:{}/rpc", this.properties.advertisedAddress(),
				event.getWebServer().getPort());
	}

}
