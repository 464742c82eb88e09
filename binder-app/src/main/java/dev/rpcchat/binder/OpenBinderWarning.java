package dev.rpcchat.binder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Warns once at start when the binder has no token, so anyone who reaches it can put an
 * endpoint of theirs behind a procedure name.
 */
@Component
class OpenBinderWarning implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(OpenBinderWarning.class);

	private final BinderProperties properties;

	OpenBinderWarning(BinderProperties properties) {
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!this.properties.isTokenRequired()) {
			logger.warn("No binder.token is set: anyone who can reach this binder can register procedures and "
					+ "receive other people's calls. Set one with --binder.token=<secret> (or BINDER_TOKEN) and "
					+ "give the chat servers the same value as chat.binder.token.");
		}
	}

}
