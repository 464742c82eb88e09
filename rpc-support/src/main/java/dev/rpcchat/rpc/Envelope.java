package dev.rpcchat.rpc;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpcchat.rpc.Answers.Answer;
import dev.rpcchat.rpc.ContractServer.Outcome;
import dev.rpcchat.rpc.RequestReader.Request;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC 2.0 envelope, exactly as the specification has it: takes a body's bytes
 * and the caller, gives the answer's bytes back. It parses and validates requests
 * ({@link RequestReader}), answers a batch within its limits ({@link BatchAnswers}),
 * never answers notifications, checks each call's params against the contract
 * ({@link MethodDescriptor}) before jsonrpc4j runs it ({@link ContractServer}), writes
 * each answer ({@link Answers}) and times each call ({@link RpcMetrics}).
 */
final class Envelope {

	private static final Logger logger = LoggerFactory.getLogger(Envelope.class);

	private final RequestReader reader;

	private final Answers answers;

	private final Map<String, MethodDescriptor> methods;

	private final ContractServer server;

	private final JsonNode discovery;

	private final RpcMetrics metrics;

	private final BatchAnswers batches;

	private final JsonNodeFactory nodes;

	private final boolean answerLater;

	Envelope(ObjectMapper mapper, RpcService service, MeterRegistry meterRegistry, RpcProperties.Batch limits,
			boolean answerLater) {
		this.reader = new RequestReader(mapper);
		this.answers = new Answers(mapper);
		this.methods = MethodDescriptor.of(service.contract(), mapper);
		this.server = new ContractServer(mapper, service);
		this.discovery = RpcDiscovery.document(service.contract(), this.methods.values(), mapper);
		Set<String> known = new HashSet<>(this.methods.keySet());
		known.add(RpcDiscovery.METHOD);
		this.metrics = new RpcMetrics(meterRegistry, known);
		this.batches = new BatchAnswers(limits, this.answers, this.metrics);
		this.nodes = mapper.getNodeFactory();
		this.answerLater = answerLater;
	}

	/**
	 * Answers a body. The answer is complete on return unless a call answers later
	 * ({@link RpcCaller#answerLater}); then it completes on the thread that completes
	 * that call's answer.
	 * @param body the request's bytes
	 * @param caller the caller of the request's calls
	 * @return the answer, or {@code null} in it when there is nothing to answer; an
	 * unexpected failure is the -32603 of {@link #internalError()}, never an exceptional
	 * completion
	 */
	CompletableFuture<byte[]> answer(byte[] body, RpcCaller.Context caller) {
		CompletableFuture<byte[]> answer;
		try {
			answer = answerBody(body, caller);
		}
		catch (RuntimeException ex) {
			answer = CompletableFuture.failedFuture(ex);
		}
		return answer.exceptionally(this::unexpectedFailure);
	}

	private CompletableFuture<byte[]> answerBody(byte[] body, RpcCaller.Context caller) {
		long start = this.metrics.start();
		JsonNode root = this.reader.parse(body);
		if (root == null) {
			this.metrics.record(start, null, RpcErrors.PARSE_ERROR);
			return CompletableFuture.completedFuture(
					this.answers.write(this.answers.error(NullNode.getInstance(), RpcErrors.PARSE_ERROR)).bytes());
		}
		if (root.isArray()) {
			return this.batches.answer((ArrayNode) root, new BatchCalls(caller), start);
		}
		return answer(root, caller, start).thenApply((answer) -> (answer != null) ? answer.bytes() : null);
	}

	private byte[] unexpectedFailure(Throwable failure) {
		logger.error("Unexpected failure answering a JSON-RPC request", failure);
		return internalError();
	}

	/**
	 * Answers a request too large to read.
	 * @return the -32600 error with a null id
	 */
	byte[] tooLarge() {
		this.metrics.record(this.metrics.start(), null, RpcErrors.INVALID_REQUEST);
		return this.answers.write(this.answers.error(NullNode.getInstance(), RpcErrors.INVALID_REQUEST)).bytes();
	}

	/**
	 * Answers a request whose handling failed unexpectedly.
	 * @return the -32603 error with a null id
	 */
	byte[] internalError() {
		return this.answers.write(this.answers.error(NullNode.getInstance(), RpcErrors.INTERNAL_ERROR)).bytes();
	}

	private CompletableFuture<Answer> answer(JsonNode node, RpcCaller.Context caller, long start) {
		return switch (this.reader.read(node)) {
			case Request.Invalid invalid -> CompletableFuture.completedFuture(
					timed(start, null, this.answers.error(invalid.id(), RpcErrors.INVALID_REQUEST), false));
			case Request.Call call ->
				call(call, caller).thenApply((answer) -> timed(start, call.method(), answer, call.notification()));
		};
	}

	private Answer refuse(JsonNode node, long start, String message) {
		return switch (this.reader.read(node)) {
			case Request.Invalid invalid ->
				timed(start, null, this.answers.error(invalid.id(), RpcErrors.INVALID_REQUEST), false);
			case Request.Call call -> timed(start, call.method(),
					this.answers.error(call.id(), RpcErrors.NOT_EXECUTED, message, null), call.notification());
		};
	}

	/**
	 * Writes a call's answer, unless it was a notification, and records the call.
	 */
	private Answer timed(long start, String method, ObjectNode answer, boolean notification) {
		Answer written = notification ? null : this.answers.write(answer);
		this.metrics.record(start, method, (written != null) ? written.code() : Answers.code(answer));
		return written;
	}

	private CompletableFuture<ObjectNode> call(Request.Call call, RpcCaller.Context caller) {
		if (RpcDiscovery.METHOD.equals(call.method())) {
			return CompletableFuture.completedFuture(discover(call));
		}
		MethodDescriptor method = this.methods.get(call.method());
		if (method == null) {
			return CompletableFuture.completedFuture(this.answers.error(call.id(), RpcErrors.METHOD_NOT_FOUND));
		}
		ArrayNode params;
		try {
			params = method.normalize(call.params(), this.nodes);
		}
		catch (InvalidParamsException ex) {
			return CompletableFuture
				.completedFuture(this.answers.error(call.id(), RpcErrors.INVALID_PARAMS, ex.getMessage(), null));
		}
		Outcome[] outcome = new Outcome[1];
		RpcCaller.LaterAnswer later = this.answerLater ? new RpcCaller.LaterAnswer() : null;
		RpcCaller.runWith(caller, later, () -> outcome[0] = this.server.invoke(method, params));
		// a method that throws after handing over a later answer fails with what it threw
		if (later == null || later.stage() == null || outcome[0] instanceof Outcome.Failed) {
			return CompletableFuture.completedFuture(answer(call.id(), outcome[0]));
		}
		return later.stage()
			.handle((value, failure) -> answer(call.id(),
					(failure != null) ? this.server.failed(method, failure) : new Outcome.Returned(value)))
			.toCompletableFuture();
	}

	private ObjectNode answer(JsonNode id, Outcome outcome) {
		return switch (outcome) {
			case Outcome.Returned returned -> this.answers.result(id, returned.value());
			case Outcome.Failed failed -> this.answers.error(id, failed.code(), failed.message(), failed.data());
		};
	}

	private ObjectNode discover(Request.Call call) {
		if (call.params() != null && !call.params().isEmpty()) {
			return this.answers.error(call.id(), RpcErrors.INVALID_PARAMS,
					"Invalid params: '" + RpcDiscovery.METHOD + "' takes no parameters", null);
		}
		return this.answers.result(call.id(), this.discovery);
	}

	/**
	 * The calls of one batch, all made by one caller.
	 */
	private final class BatchCalls implements BatchAnswers.Calls {

		private final RpcCaller.Context caller;

		BatchCalls(RpcCaller.Context caller) {
			this.caller = caller;
		}

		@Override
		public CompletableFuture<Answer> answer(JsonNode request, long start) {
			return Envelope.this.answer(request, this.caller, start);
		}

		@Override
		public Answer refuse(JsonNode request, long start, String message) {
			return Envelope.this.refuse(request, start, message);
		}

	}

}
