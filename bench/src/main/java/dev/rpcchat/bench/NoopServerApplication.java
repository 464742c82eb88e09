package dev.rpcchat.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.rpcchat.rpc.RpcService;

/**
 * The no-op JSON-RPC server: the same rpc-support endpoint, Spring Boot and Tomcat
 * settings as the chat server, serving one method that does nothing.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class NoopServerApplication {

	private static final Logger logger = LoggerFactory.getLogger(NoopServerApplication.class);

	/**
	 * The chat server's own settings (chat-app's {@code application.yml}), so that the
	 * ceiling runs on the same stack; command-line arguments override them. Tomcat's
	 * settings (header sizes, connection limits, buffers) come from rpc-support, as they
	 * do for the chat server.
	 */
	static final Map<String, Object> CHAT_APP_SETTINGS = Map.of("server.port", "0", "server.shutdown", "graceful",
			"spring.threads.virtual.enabled", "true", "management.endpoints.web.exposure.include",
			"health,info,prometheus", "management.endpoint.health.probes.enabled", "true", "spring.application.name",
			"noop-server", "spring.main.banner-mode", "off");

	@Bean
	RpcService noopRpcService() {
		return new RpcService(NoopService.class, (NoopService) () -> true);
	}

	/**
	 * Starts the no-op server and, when {@code --binder URL} is given, registers its
	 * {@code noop} procedure there so the load generator finds it like the chat server.
	 * @param args {@code --serve-noop}, optionally {@code --binder URL}, and Spring Boot
	 * arguments such as {@code --server.port=0}
	 * @return the running application
	 * @throws RpcCallException when the binder refuses the registration
	 */
	static ConfigurableApplicationContext serve(String... args) throws RpcCallException {
		URI binder = null;
		List<String> springArgs = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--serve-noop")) {
				continue;
			}
			if (args[i].equals("--binder") && i + 1 < args.length) {
				binder = URI.create(args[++i]);
			}
			else if (args[i].startsWith("--binder=")) {
				binder = URI.create(args[i].substring("--binder=".length()));
			}
			else {
				springArgs.add(args[i]);
			}
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NoopServerApplication.class)
			.properties(CHAT_APP_SETTINGS)
			.run(springArgs.toArray(String[]::new));
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		logger.info("No-op JSON-RPC server listening on port {}", port);
		if (binder != null) {
			try (RpcClient client = new RpcClient(new RawHttpTransport(binder))) {
				client.invoke("register_procedure",
						Map.of("procedure_name", "noop", "address", "127.0.0.1", "port", port), null);
			}
			logger.info("Registered procedure noop with the binder at {}", binder);
		}
		return context;
	}

}
