package dev.rpcchat.server.binder;

import java.lang.reflect.UndeclaredThrowableException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.googlecode.jsonrpc4j.JsonRpcMethod;
import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ChatService;
import dev.rpcchat.server.ChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Registers every method of {@link ChatService} with the binder once the server is ready,
 * with the scheme the server speaks ({@code https} on TLS), keeps the lease renewed
 * through {@link LeaseRenewer}, and unregisters on shutdown. A binder that cannot be
 * reached never stops the chat server: it keeps serving and retrying, and
 * {@link BinderHealthIndicator} shows the registration as down.
 */
class BinderRegistrar {

	private static final Logger logger = LoggerFactory.getLogger(BinderRegistrar.class);

	// long enough for one registration under way to finish, so it cannot land after
	// unregistering
	private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);

	private final BinderService binder;

	private final ChatProperties properties;

	private final LeaseRenewer renewer;

	private final String scheme;

	private final Clock clock;

	private final List<String> procedureNames = procedureNames(ChatService.class);

	private volatile Endpoint endpoint;

	private volatile RegistrationState state;

	private boolean degraded;

	BinderRegistrar(BinderService binder, ChatProperties properties, LeaseRenewer renewer, String scheme, Clock clock) {
		this.binder = binder;
		this.properties = properties;
		this.renewer = renewer;
		this.scheme = scheme;
		this.clock = clock;
		this.state = new RegistrationState(false, "not registered yet", null, clock.instant());
	}

	/**
	 * The wire names of a contract's JSON-RPC methods, read from their
	 * {@link JsonRpcMethod} annotations.
	 * @param contract the interface
	 * @return the names, sorted
	 */
	static List<String> procedureNames(Class<?> contract) {
		return Arrays.stream(contract.getMethods())
			.map((method) -> method.getAnnotation(JsonRpcMethod.class))
			.filter(Objects::nonNull)
			.map(JsonRpcMethod::value)
			.filter((name) -> !name.startsWith("rpc."))
			.sorted()
			.distinct()
			.toList();
	}

	List<String> procedureNames() {
		return this.procedureNames;
	}

	RegistrationState state() {
		return this.state;
	}

	@EventListener
	void onApplicationReady(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext context)
				|| context.getWebServer() == null) {
			logger.warn("Not registering with the binder: this application has no web server");
			return;
		}
		this.endpoint = new Endpoint(this.scheme, this.properties.advertisedAddress(),
				context.getWebServer().getPort());
		this.renewer.start(this::register);
	}

	@EventListener
	void onContextClosed(ContextClosedEvent event) {
		this.renewer.stop(STOP_PATIENCE);
		Endpoint registered = this.endpoint;
		if (registered != null) {
			unregister(registered);
		}
	}

	/**
	 * Registers, or renews, every procedure under the configured lease.
	 * @return whether every procedure is now registered
	 */
	boolean register() {
		Endpoint target = this.endpoint;
		int ttlSeconds = (int) this.properties.registration().ttl().toSeconds();
		// http is the binder's default: left out, as before the scheme existed
		String scheme = target.scheme().equals("http") ? null : target.scheme();
		try {
			for (String name : this.procedureNames) {
				this.binder.registerProcedure(name, target.address(), BigInteger.valueOf(target.port()), ttlSeconds,
						scheme);
			}
		}
		catch (RuntimeException ex) {
			registrationFailed(ex);
			return false;
		}
		registered(target);
		return true;
	}

	private synchronized void registered(Endpoint target) {
		boolean wasRegistered = this.state.registered();
		this.state = new RegistrationState(true, null, target, this.clock.instant());
		this.degraded = false;
		if (wasRegistered) {
			logger.debug("Renewed {} procedures with the binder at {}", this.procedureNames.size(), binderUrl());
		}
		else {
			logger.info("Registered {} procedures with the binder at {} as {}:{}{} (lease {}s, renewed every {}s)",
					this.procedureNames.size(), binderUrl(), target.address(), target.port(),
					target.scheme().equals("http") ? "" : " over " + target.scheme(),
					this.properties.registration().ttl().toSeconds(), this.renewer.renewInterval().toSeconds());
		}
	}

	private synchronized void registrationFailed(RuntimeException ex) {
		String reason = describe(ex);
		Instant since = this.state.registered() ? this.clock.instant() : this.state.since();
		this.state = new RegistrationState(false, reason, null, since);
		if (!this.degraded) {
			this.degraded = true;
			logger.warn("Cannot register with the binder at {} ({}); serving anyway and retrying in the background",
					binderUrl(), reason);
		}
		else {
			logger.debug("Registering with the binder at {} failed again: {}", binderUrl(), reason);
		}
	}

	private void unregister(Endpoint registered) {
		int removed = 0;
		try {
			for (String name : this.procedureNames) {
				removed += this.binder.unregisterProcedure(name, registered.address(),
						BigInteger.valueOf(registered.port())) ? 1 : 0;
			}
			logger.info("Unregistered {} procedures from the binder at {}", removed, binderUrl());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not unregister from the binder at {} ({}); the entries expire with their lease",
					binderUrl(), describe(ex));
		}
		this.state = new RegistrationState(false, "shut down", null, this.clock.instant());
	}

	String binderUrl() {
		return this.properties.binder().url().toString();
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex instanceof UndeclaredThrowableException undeclared) ? undeclared.getCause() : ex;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Where this server's {@code /rpc} answers, as registered.
	 *
	 * @param scheme {@code http}, or {@code https} for a server on TLS
	 * @param address the advertised address
	 * @param port the port the web server really got
	 */
	record Endpoint(String scheme, String address, int port) {

	}

	/**
	 * The registration as the health endpoint shows it.
	 *
	 * @param registered whether every procedure is registered under a live lease
	 * @param error why the last attempt failed, or {@code null}
	 * @param endpoint what is registered, or {@code null}
	 * @param since when this state began
	 */
	record RegistrationState(boolean registered, String error, Endpoint endpoint, Instant since) {

	}

}
