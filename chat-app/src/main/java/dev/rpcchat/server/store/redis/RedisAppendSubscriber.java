package dev.rpcchat.server.store.redis;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

import dev.rpcchat.server.store.AppendListener;

/**
 * Hands every message that any instance appends, as published by the store's scripts, to
 * this instance's {@link AppendListener}.
 */
class RedisAppendSubscriber implements MessageListener {

	private static final Logger logger = LoggerFactory.getLogger(RedisAppendSubscriber.class);

	private final AppendListener listener;

	RedisAppendSubscriber(AppendListener listener) {
		this.listener = listener;
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			this.listener.appended(StoredMessages.decode(new String(message.getBody(), StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			// One bad message must not stop the subscription that wakes every waiter.
			logger.warn("Could not hand on an appended message", ex);
		}
	}

}
