package dev.rpcchat.server.store.memory;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.rpcchat.server.ChatProperties;
import dev.rpcchat.server.store.AppendListener;
import dev.rpcchat.server.store.ChatStore;

/**
 * The embedded store, unless {@code chat.store} names another.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.store", havingValue = "memory", matchIfMissing = true)
class MemoryStoreConfiguration {

	@Bean
	ChatStore memoryChatStore(ChatProperties properties, List<AppendListener> listeners) {
		return new MemoryChatStore(properties.storeLimits(), AppendListener.all(listeners));
	}

}
