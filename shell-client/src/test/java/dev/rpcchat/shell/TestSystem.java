package dev.rpcchat.shell;

import java.net.URI;
import java.time.Duration;

import dev.rpcchat.shell.connection.ChatConnection;
import dev.rpcchat.test.AppProcess;

import static org.awaitility.Awaitility.await;

/**
 * A real binder and a real chat server, the jars the build made, each a process of its
 * own on a free port: started once for all the tests of this module, stopped when the JVM
 * ends.
 */
public final class TestSystem {

	private static URI binderUrl;

	private TestSystem() {
	}

	/**
	 * Starts the binder and a chat server registered with it, the first time.
	 * @return the binder's JSON-RPC endpoint
	 */
	public static synchronized URI binderUrl() {
		if (binderUrl == null) {
			AppProcess binder = startBinder();
			AppProcess.chat("--chat.binder.url=" + binder.rpcUrl(), "--chat.advertised-address=127.0.0.1",
					"--chat.store=memory");
			ChatConnection probe = ChatConnection.connect(binder.rpcUrl(), Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> probe.chat().listRooms() != null);
			binderUrl = binder.rpcUrl();
		}
		return binderUrl;
	}

	/**
	 * Starts another binder of its own, for a test that registers servers of its own.
	 * @return the binder; its URL is {@link AppProcess#rpcUrl()}
	 */
	public static AppProcess startBinder() {
		return AppProcess.binder();
	}

}
