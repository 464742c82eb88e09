package dev.rpcchat.shell.connection;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.PastDeadServer;
import dev.rpcchat.api.ProcedureLocation;
import dev.rpcchat.shell.connection.ServiceUnreachableException.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where each procedure answers by asking the binder the first time, and again when
 * the server there stops answering. Once one chat server is found, every procedure it
 * provides is called there: chat servers on the memory store do not share sessions, so a
 * user's calls must not be spread across them by the binder's round-robin.
 */
public class ProcedureLocator {

	private static final Logger logger = LoggerFactory.getLogger(ProcedureLocator.class);

	private final BinderService binder;

	private final URI binderUrl;

	private final Map<String, URI> locations = new ConcurrentHashMap<>();

	private final Set<URI> abandoned = ConcurrentHashMap.newKeySet();

	private volatile URI preferred;

	private volatile BiConsumer<URI, URI> failoverListener = (from, to) -> {
	};

	ProcedureLocator(BinderService binder, URI binderUrl) {
		this.binder = binder;
		this.binderUrl = binderUrl;
	}

	/**
	 * Creates a locator that asks the binder at the given URL.
	 * @param binderUrl the binder's JSON-RPC endpoint
	 * @param client the client that makes the calls
	 * @return the locator
	 */
	static ProcedureLocator forBinder(URI binderUrl, JsonRpcClient client) {
		BinderService binder = RpcProxy.create(BinderService.class, client.mapper(),
				(call) -> client.call(Service.BINDER, binderUrl, call, Optional.empty()));
		return new ProcedureLocator(binder, binderUrl);
	}

	/**
	 * Where the procedure answers: the cached answer, or the binder's.
	 * @param procedure the procedure's wire name
	 * @return the provider's JSON-RPC endpoint
	 */
	public URI locate(String procedure) {
		return this.locations.computeIfAbsent(procedure, this::lookup);
	}

	/**
	 * Asks the binder for another provider than the one that stopped answering, unless a
	 * call on another thread did already; says so, once, to whoever listens.
	 * @param procedure the procedure's wire name
	 * @param failed the endpoint that stopped answering
	 * @return the provider's JSON-RPC endpoint now, {@code failed} when the binder knows
	 * no other
	 */
	public synchronized URI relocate(String procedure, URI failed) {
		URI cached = this.locations.get(procedure);
		if (cached != null && !cached.equals(failed)) {
			return cached;
		}
		URI found = PastDeadServer.lookUp(failed::equals, () -> {
			forget(failed);
			return locate(procedure);
		});
		if (!found.equals(failed) && this.abandoned.add(failed)) {
			logger.info("The chat server at {} stopped answering; continuing through {}", failed, found);
			this.failoverListener.accept(failed, found);
		}
		return found;
	}

	/**
	 * Tells a listener each time the server in use stops answering and calls move to
	 * another: once per server left behind, whichever thread noticed first.
	 * @param listener takes the server left and the server now used
	 */
	public void onFailover(BiConsumer<URI, URI> listener) {
		this.failoverListener = listener;
	}

	/**
	 * The chat server that calls go to now.
	 * @return its endpoint, if one was looked up
	 */
	public Optional<URI> current() {
		return Optional.ofNullable(this.preferred);
	}

	private void forget(URI server) {
		if (server != null) {
			this.locations.values().removeIf(server::equals);
			if (server.equals(this.preferred)) {
				this.preferred = null;
			}
		}
	}

	public URI binderUrl() {
		return this.binderUrl;
	}

	private URI lookup(String procedure) {
		URI preferred = this.preferred;
		if (preferred != null && provides(preferred, procedure)) {
			return preferred;
		}
		ProcedureLocation location = this.binder.lookupProcedure(procedure);
		URI url = URI.create(location.rpcUrl());
		logger.debug("Procedure {} answers at {}", procedure, url);
		if (this.preferred == null) {
			this.preferred = url;
			this.abandoned.remove(url);
		}
		return url;
	}

	private boolean provides(URI server, String procedure) {
		return this.binder.listProcedures()
			.stream()
			.filter((entry) -> entry.procedureName().equals(procedure))
			.map((entry) -> URI.create(entry.location().rpcUrl()))
			.anyMatch(server::equals);
	}

}
