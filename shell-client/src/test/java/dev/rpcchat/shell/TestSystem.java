package dev.rpcchat.shell;

import java.net.URI;
import java.time.Duration;

import dev.rpcchat.binder.BinderApplication;
import dev.rpcchat.server.ChatServerApplication;
import dev.rpcchat.shell.connection.ChatConnection;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * A real binder and a real chat server on free ports, started once for all the tests of
 * this module and stopped when the JVM ends.
 */
public final class TestSystem {

	/**
	 * Both servers share the shell's test classpath, where Spring Shell must stay off and
	 * the shell's application.yml hides theirs: settings go on the command line, which
	 * wins over that file.
	 */
	private static final String NO_SHELL = "--spring.autoconfigure.exclude="
			+ "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration";

	private static URI binderUrl;

	private TestSystem() {
	}

	/**
	 * Starts the binder and a chat server registered with it, the first time.
	 * @return the binder's JSON-RPC endpoint
	 */
	public static synchronized URI binderUrl() {
		if (binderUrl == null) {
			binderUrl = binderUrl(startBinder());
			new SpringApplicationBuilder(ChatServerApplication.class).run("--server.port=0", NO_SHELL,
					"--spring.threads.virtual.enabled=true", "--chat.binder.url=" + binderUrl,
					"--chat.advertised-address=127.0.0.1", "--chat.store=memory",
					"--management.health.redis.enabled=false");
			ChatConnection probe = ChatConnection.connect(binderUrl, Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> probe.chat().listRooms() != null);
		}
		return binderUrl;
	}

	/**
	 * Starts another binder of its own, for a test that registers servers of its own.
	 * @return the binder; its URL is {@link #binderUrl(ConfigurableApplicationContext)}
	 */
	public static ConfigurableApplicationContext startBinder() {
		return new SpringApplicationBuilder(BinderApplication.class).run("--server.port=0", NO_SHELL,
				"--spring.threads.virtual.enabled=true");
	}

	/**
	 * The JSON-RPC endpoint of a binder.
	 * @param binder a binder from {@link #startBinder()}
	 * @return its URL
	 */
	public static URI binderUrl(ConfigurableApplicationContext binder) {
		return URI.create("http://localhost:" + port(binder) + "/rpc");
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
