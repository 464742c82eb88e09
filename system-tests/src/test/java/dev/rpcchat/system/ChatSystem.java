package dev.rpcchat.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.test.TestCertificate;
import dev.rpcchat.test.AppProcess;

/**
 * The whole system as a user runs it, from the jars the build made, on free ports: a
 * binder (which serves the page) and chat servers registered with it, on the memory store
 * or on one Redis, each a process of its own.
 */
final class ChatSystem implements AutoCloseable {

	static final String BINDER_TOKEN = "system-tests-binder-token";

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private final AppProcess binder;

	private final String scheme;

	private final List<String> chatArguments;

	private final List<AppProcess> chatServers = new ArrayList<>();

	private ChatSystem(AppProcess binder, List<String> chatArguments) {
		this(binder, "http", chatArguments);
	}

	private ChatSystem(AppProcess binder, String scheme, List<String> chatArguments) {
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
	 * @param chatArguments more arguments for the chat server
	 * @return the running system
	 */
	static ChatSystem withMemoryStore(String... chatArguments) {
		List<String> arguments = new ArrayList<>(List.of("--chat.store=memory"));
		arguments.addAll(List.of(chatArguments));
		ChatSystem system = new ChatSystem(startBinder(), arguments);
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
						"--spring.data.redis.port=" + redisPort, "--spring.data.redis.database=" + database));
		for (int i = 0; i < instances; i++) {
			system.startChatServer();
		}
		return system;
	}

	private static AppProcess startBinder() {
		return startBinder(List.of());
	}

	private static AppProcess startBinder(List<String> more) {
		List<String> arguments = new ArrayList<>(
				List.of("--binder.token=" + BINDER_TOKEN, "--binder.sweep-interval=1s"));
		arguments.addAll(more);
		return AppProcess.binder(arguments.toArray(String[]::new));
	}

	/**
	 * Starts one more chat server and waits until it has registered with the binder.
	 * @return its port
	 */
	int startChatServer() {
		List<String> arguments = new ArrayList<>(
				List.of("--chat.binder.url=" + this.scheme + "://localhost:" + binderPort() + "/rpc",
						"--chat.binder.token=" + BINDER_TOKEN, "--chat.registration.ttl=3s"));
		arguments.addAll(this.chatArguments);
		AppProcess chat = AppProcess.chat(arguments.toArray(String[]::new));
		this.chatServers.add(chat);
		chat.awaitLog("Registered ", PATIENCE);
		return chat.port();
	}

	/**
	 * Stops a chat server the way an operator does ({@code SIGTERM}: it unregisters from
	 * the binder and closes its connections).
	 * @param chatPort the port of the server to stop
	 */
	void stopChatServer(int chatPort) {
		AppProcess chat = this.chatServers.stream()
			.filter((candidate) -> candidate.isAlive() && candidate.port() == chatPort)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No running chat server on port " + chatPort));
		chat.stop();
	}

	int binderPort() {
		return this.binder.port();
	}

	AppProcess binder() {
		return this.binder;
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
		return this.chatServers.stream().filter(AppProcess::isAlive).map(AppProcess::port).toList();
	}

	/**
	 * The chat servers still running.
	 * @return in start order
	 */
	List<AppProcess> chatServers() {
		return this.chatServers.stream().filter(AppProcess::isAlive).toList();
	}

	@Override
	public void close() {
		this.chatServers.forEach(AppProcess::stop);
		this.binder.stop();
	}

}
