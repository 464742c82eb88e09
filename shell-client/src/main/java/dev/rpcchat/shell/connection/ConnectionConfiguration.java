package dev.rpcchat.shell.connection;

import dev.rpcchat.shell.ChatBinderProperties;
import dev.rpcchat.shell.ShellProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shell's way to the binder and the chat server.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

	@Bean
	ChatConnection chatConnection(ChatBinderProperties binder, ShellProperties properties) {
		return ChatConnection.connect(binder.url(), properties.requestTimeout());
	}

}
