package dev.rpcchat.shell.connection;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ProcedureLocation;
import dev.rpcchat.shell.connection.ServiceUnreachableException.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where each procedure answers by asking the binder the first time, and again when
 * a call there cannot connect. Once one chat server is found, every procedure it provides
 * is called there: chat servers on the memory store do not share sessions, so a user's
 * calls must not be spread across them by the binder's round-robin.
 */
public class ProcedureLocator {

	private static final Logger logger = LoggerFactory.getLogger(ProcedureLocator.class);

	private static final int MAX_LOOKUPS_PAST_A_DEAD_SERVER = 4;

	private final BinderService binder;

	private final URI binderUrl;

	private final Map<String, URI> locations = new ConcurrentHashMap<>();

	private volatile URI preferred;

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
	 * Forgets the cached answer and asks the binder again.
	 * @param procedure the procedure's wire name
	 * @return the provider's JSON-RPC endpoint now
	 */
	public URI relocate(String procedure) {
		URI failed = this.locations.remove(procedure);
		forget(failed);
		URI found = locate(procedure);
		// The binder lists a dead server until its lease ends: ask past it a few times.
		for (int attempt = 1; found.equals(failed) && attempt < MAX_LOOKUPS_PAST_A_DEAD_SERVER; attempt++) {
			this.locations.remove(procedure);
			forget(failed);
			found = locate(procedure);
		}
		return found;
	}

	private void forget(URI server) {
		if (server != null) {
			this.locations.values().removeIf(server::equals);
			if (server.equals(this.preferred)) {
				this.preferred = null;
			}
		}
	}

	/**
	 * The cached answer, without asking the binder.
	 * @param procedure the procedure's wire name
	 * @return the provider's endpoint, if it was looked up before
	 */
	public Optional<URI> cached(String procedure) {
		return Optional.ofNullable(this.locations.get(procedure));
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
		}
		return url;
	}

	private boolean provides(URI server, String procedure) {
		return this.binder.listProcedures()
			.stream()
			.filter((entry) -> entry.procedureName().equals(procedure))
			.map((entry) -> URI
				.create(new ProcedureLocation(entry.procedureName(), entry.address(), entry.port()).rpcUrl()))
			.anyMatch(server::equals);
	}

}
