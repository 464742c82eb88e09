package dev.rpcchat.system;

import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.binder.BinderApplication;
import dev.rpcchat.server.ChatServerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in this JVM, on free ports: a binder (which serves the page) and chat
 * servers registered with it, on the memory store or on one Redis.
 */
final class ChatSystem implements AutoCloseable {

	private static final String BINDER_TOKEN = "system-tests-binder-token";

	private final ConfigurableApplicationContext binder;

	private final String scheme;

	private final List<String> chatArguments;

	private final List<ConfigurableApplicationContext> chatServers = new ArrayList<>();

	private ChatSystem(ConfigurableApplicationContext binder, List<String> chatArguments) {
		this(binder, "http", chatArguments);
	}

	private ChatSystem(ConfigurableApplicationContext binder, String scheme, List<String> chatArguments) {
		this.binder = binder;
		this.scheme = scheme;
		this.chatArguments = chatArguments;
	}

	/**
	 * A binder and one chat server on the memory store, both serving HTTPS (and
	 * {@code wss://}) with a test certificate, which the chat server trusts to reach the
	 * binder.
	 * @param certificate the servers' certificate
	 * @return the running system
	 */
	static ChatSystem withTls(TestCertificate certificate) {
		List<String> chat = new ArrayList<>(List.of("--chat.store=memory"));
		chat.addAll(certificate.serverArguments());
		chat.addAll(certificate.trustArguments());
		ChatSystem system = new ChatSystem(startBinder(certificate.serverArguments()), "https", chat);
		system.startChatServer();
		return system;
	}

	/**
	 * A binder and one chat server on the memory store.
	 * @return the running system
	 */
	static ChatSystem withMemoryStore() {
		ChatSystem system = new ChatSystem(startBinder(), List.of("--chat.store=memory"));
		system.startChatServer();
		return system;
	}

	/**
	 * A binder and chat servers sharing one Redis database.
	 * @param instances how many chat servers
	 * @param redisPort the Redis server's port on 127.0.0.1
	 * @param database the database they share
	 * @return the running system
	 */
	static ChatSystem onRedis(int instances, int redisPort, int database) {
		ChatSystem system = new ChatSystem(startBinder(),
				List.of("--chat.store=redis", "--spring.data.redis.host=127.0.0.1",
						"--spring.data.redis.port=" + redisPort, "--spring.data.redis.database=" + database,
						"--management.health.redis.enabled=true"));
		for (int i = 0; i < instances; i++) {
			system.startChatServer();
		}
		return system;
	}

	private static ConfigurableApplicationContext startBinder() {
		return startBinder(List.of());
	}

	private static ConfigurableApplicationContext startBinder(List<String> more) {
		// In this JVM binder-app reads chat-app's application.yml (the first on the class
		// path), whose binder health group names a contributor that only chat-app has.
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--spring.application.name=binder-app", "--binder.token=" + BINDER_TOKEN,
						"--binder.sweep-interval=1s", "--management.endpoint.health.validate-group-membership=false"));
		arguments.addAll(more);
		return new SpringApplicationBuilder(BinderApplication.class).run(arguments.toArray(String[]::new));
	}

	/**
	 * Starts one more chat server, registered with the binder.
	 * @return its port
	 */
	int startChatServer() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=chat-app",
				"--chat.binder.url=" + this.scheme + "://localhost:" + binderPort() + "/rpc",
				"--chat.binder.token=" + BINDER_TOKEN, "--chat.registration.ttl=3s"));
		arguments.addAll(this.chatArguments);
		ConfigurableApplicationContext chat = new SpringApplicationBuilder(ChatServerApplication.class)
			.run(arguments.toArray(String[]::new));
		this.chatServers.add(chat);
		return port(chat);
	}

	/**
	 * Stops a chat server the way an operator does (it unregisters from the binder and
	 * closes its connections).
	 * @param chatPort the port of the server to stop
	 */
	void stopChatServer(int chatPort) {
		ConfigurableApplicationContext chat = this.chatServers.stream()
			.filter((candidate) -> candidate.isActive() && port(candidate) == chatPort)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No running chat server on port " + chatPort));
		chat.close();
	}

	int binderPort() {
		return port(this.binder);
	}

	/**
	 * Where a person opens the page.
	 * @return the binder's root
	 */
	String pageUrl() {
		return this.scheme + "://localhost:" + binderPort() + "/";
	}

	/**
	 * The ports of the chat servers still running.
	 * @return in start order
	 */
	List<Integer> chatPorts() {
		return this.chatServers.stream()
			.filter(ConfigurableApplicationContext::isActive)
			.map(ChatSystem::port)
			.toList();
	}

	@Override
	public void close() {
		for (ConfigurableApplicationContext chat : this.chatServers) {
			if (chat.isActive()) {
				chat.close();
			}
		}
		this.binder.close();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
