package dev.rpcchat.bench;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rpcchat.api.PastDeadServer;
import dev.rpcchat.api.ProcedureLocation;

/**
 * Where the simulated users find the chat server: through the binder, as a client does,
 * and through the binder again when the server in use stops answering; counts those
 * failovers.
 */
final class ChatServers {

	private final URI binder;

	private final URI target;

	private final Function<URI, RpcClient> clients;

	private final Map<String, LongAdder> moves = new ConcurrentHashMap<>();

	private final LongAdder failedAgain = new LongAdder();

	private final Map<URI, URI> replacements = new ConcurrentHashMap<>();

	private RpcClient binderClient;

	/**
	 * Creates the servers' directory.
	 * @param binder the binder's JSON-RPC endpoint
	 * @param target an endpoint to use instead of asking the binder, or {@code null}
	 * @param clients opens a client to an endpoint
	 */
	ChatServers(URI binder, URI target, Function<URI, RpcClient> clients) {
		this.binder = binder;
		this.target = target;
		this.clients = clients;
	}

	/**
	 * Where a procedure is served: the binder's answer, or the fixed target.
	 * @param procedure the procedure's wire name
	 * @return the JSON-RPC endpoint
	 * @throws RpcCallException when the binder cannot say
	 */
	URI locate(String procedure) throws RpcCallException {
		return (this.target != null) ? this.target : lookup(procedure);
	}

	/**
	 * Asks the binder for another server of a procedure than the one that failed, unless
	 * another user did already. Servers that failed are skipped: while their lease lasts
	 * the binder hands them out in their turn, and with many users asking at once the
	 * turns of the live ones may all go to the others.
	 * @param procedure the procedure's wire name
	 * @param failed the endpoint that stopped answering
	 * @return another endpoint
	 * @throws RpcCallException ({@code io}) when there is no other, or when the binder
	 * cannot say
	 */
	URI relocate(String procedure, URI failed) throws RpcCallException {
		if (this.target != null) {
			throw new RpcCallException("io", failed + " stopped answering and --target names no other server");
		}
		URI known = this.replacements.get(failed);
		if (known != null) {
			return known;
		}
		URI found = PastDeadServer.lookUp((server) -> isDead(server, failed), () -> lookup(procedure));
		if (isDead(found, failed)) {
			throw new RpcCallException("io", failed + " stopped answering and the binder names no other server");
		}
		URI first = this.replacements.putIfAbsent(failed, found);
		return (first != null) ? first : found;
	}

	private boolean isDead(URI server, URI failed) {
		return server.equals(failed) || this.replacements.containsKey(server);
	}

	/**
	 * Opens a simulated user's own connection to a server.
	 * @param endpoint the server's JSON-RPC endpoint
	 * @return the client
	 */
	RpcClient open(URI endpoint) {
		return this.clients.apply(endpoint);
	}

	/**
	 * Counts a call that moved to another server after a transport failure.
	 * @param from the server that failed
	 * @param to the server the call was made again at
	 */
	void moved(URI from, URI to) {
		this.moves.computeIfAbsent(from + " -> " + to, (key) -> new LongAdder()).increment();
	}

	/**
	 * Counts a call that failed again at the server it moved to.
	 */
	void failedAgain() {
		this.failedAgain.increment();
	}

	/**
	 * The failovers of the run so far.
	 * @return the counts
	 */
	Failovers failovers() {
		Map<String, Long> moves = new TreeMap<>();
		this.moves.forEach((route, count) -> moves.put(route, count.sum()));
		return new Failovers(moves, this.failedAgain.sum());
	}

	private synchronized URI lookup(String procedure) throws RpcCallException {
		if (this.binderClient == null) {
			this.binderClient = this.clients.apply(this.binder);
		}
		JsonNode location = this.binderClient.call("lookup_procedure", Map.of("procedure_name", procedure), null);
		return URI.create(RpcClient.mapper.convertValue(location, ProcedureLocation.class).rpcUrl());
	}

	/**
	 * Calls that found their server gone (a refused, reset or closed connection, or no
	 * answer in time), looked the procedure up again and were made once more at another
	 * server; over the whole run, warm-up included.
	 *
	 * @param moves how many calls moved, by {@code "from -> to"}
	 * @param failedAgain how many of them failed at the new server too (these are also
	 * counted as errors)
	 */
	record Failovers(Map<String, Long> moves, long failedAgain) {

		static final Failovers NONE = new Failovers(Map.of(), 0);

		Failovers {
			moves = Collections.unmodifiableMap(new TreeMap<>(moves));
		}

		long calls() {
			return this.moves.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
