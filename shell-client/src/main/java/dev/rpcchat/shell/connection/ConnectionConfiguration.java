package dev.rpcchat.shell.connection;

import dev.rpcchat.shell.ShellProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shell's way to the binder and the chat server.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

	@Bean
	ChatConnection chatConnection(ShellProperties properties) {
		return ChatConnection.connect(properties.binder().url(), properties.requestTimeout());
	}

}
