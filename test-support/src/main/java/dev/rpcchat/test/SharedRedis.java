package dev.rpcchat.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Redis server for the whole test run ({@link TestRedis}), started by the first
 * class that uses it and stopped when the run ends:
 * {@code @ExtendWith(SharedRedis.class)}, then {@link #port()}. Classes that share it
 * keep out of each other's way with a database or key names of their own.
 */
public final class SharedRedis implements BeforeAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedRedis.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		// The root store closes its AutoCloseable values when the whole run ends, not
		// after each class.
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(TestRedis.class, (key) -> Holder.REDIS);
	}

	/**
	 * The port of the shared server, starting it on first use.
	 * @return its port on 127.0.0.1
	 */
	public static int port() {
		return Holder.REDIS.port();
	}

	private static final class Holder {

		static final TestRedis REDIS = TestRedis.start();

	}

}
