package dev.rpcchat.shell.connection;

import dev.rpcchat.api.WireJson;
import dev.rpcchat.shell.ShellProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shell's way to the binder and the chat server.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

	@Bean
	JsonRpcClient jsonRpcClient(ShellProperties properties) {
		return new JsonRpcClient(WireJson.newObjectMapper(), properties.requestTimeout());
	}

	@Bean
	ProcedureLocator procedureLocator(ShellProperties properties, JsonRpcClient client) {
		return ProcedureLocator.forBinder(properties.binder().url(), client);
	}

	@Bean
	ChatConnection chatConnection(ProcedureLocator locator, JsonRpcClient client) {
		return new ChatConnection(locator, client);
	}

}
