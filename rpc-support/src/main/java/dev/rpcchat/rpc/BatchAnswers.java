package dev.rpcchat.rpc;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.rpcchat.rpc.Answers.Answer;

/**
 * Batch handling: answers the calls of a batch one after the other, within the batch's
 * limits ({@code rpc.batch.*}), and joins their answers into one array.
 *
 * <p>
 * A batch of more than {@code max-calls} calls is refused whole, before any call runs,
 * with one -32600 and {@code "id": null}. Once the answers written add up to more than
 * {@code max-answer-size}, the calls left are not executed: each is answered with
 * {@link RpcErrors#NOT_EXECUTED} (a notification left is dropped), so one request cannot
 * make the server hold gigabytes of answers. Every call of a batch sees the same
 * {@link RpcCaller#receivedNanos()}, so long polls measured from it do not add up; a call
 * answered later ({@link RpcCaller#answerLater}) holds up the calls after it, not a
 * thread.
 */
final class BatchAnswers {

	private final int maxCalls;

	private final long maxAnswerBytes;

	private final Answers answers;

	private final RpcMetrics metrics;

	BatchAnswers(RpcProperties.Batch limits, Answers answers, RpcMetrics metrics) {
		this.maxCalls = limits.maxCalls();
		this.maxAnswerBytes = limits.maxAnswerSize().toBytes();
		this.answers = answers;
		this.metrics = metrics;
	}

	/**
	 * Answers a batch.
	 * @param requests the batch
	 * @param calls answers each of its request objects
	 * @param start when the first call's timing started
	 * @return the answer: an array of the calls' answers, one error, or {@code null} when
	 * every call was a notification; complete on return unless a call answers later
	 */
	CompletableFuture<byte[]> answer(ArrayNode requests, Calls calls, long start) {
		if (requests.isEmpty()) {
			return CompletableFuture.completedFuture(refuse(start, RpcErrors.message(RpcErrors.INVALID_REQUEST)));
		}
		if (requests.size() > this.maxCalls) {
			return CompletableFuture.completedFuture(refuse(start, "Invalid Request: a batch may hold at most "
					+ this.maxCalls + " calls, this one has " + requests.size()));
		}
		Run run = new Run(requests, calls);
		run.from(0, start);
		return run.done;
	}

	private byte[] refuse(long start, String message) {
		this.metrics.record(start, null, RpcErrors.INVALID_REQUEST);
		return this.answers.write(this.answers.error(NullNode.getInstance(), RpcErrors.INVALID_REQUEST, message, null))
			.bytes();
	}

	private String notExecuted() {
		return "Not executed: the answers of this batch reached " + size(this.maxAnswerBytes)
				+ "; send this call again in another request";
	}

	private static String size(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MiB";
		}
		return (bytes % 1024 == 0) ? (bytes / 1024) + " KiB" : bytes + " bytes";
	}

	/**
	 * One batch being answered: its calls run in order, each once the one before it is
	 * answered, so that a call answered later holds up the rest of its batch (but no
	 * thread) exactly as a call that takes as long on its thread.
	 */
	private final class Run {

		private final ArrayNode requests;

		private final Calls calls;

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> done = new CompletableFuture<>();

		private boolean full;

		Run(ArrayNode requests, Calls calls) {
			this.requests = requests;
			this.calls = calls;
			this.out.write('[');
		}

		/**
		 * Answers the calls from the given one on, on this thread, until one answers
		 * later: the rest go on when its answer comes.
		 */
		void from(int first, long start) {
			try {
				long callStart = start;
				for (int index = first; index < this.requests.size(); index++) {
					CompletableFuture<Answer> answer = next(this.requests.get(index), callStart);
					if (!answer.isDone()) {
						int next = index + 1;
						answer.whenComplete((written, failure) -> resume(written, failure, next));
						return;
					}
					add(answer.join());
					callStart = BatchAnswers.this.metrics.start();
				}
				finish();
			}
			catch (RuntimeException ex) {
				this.done.completeExceptionally(ex);
			}
		}

		private CompletableFuture<Answer> next(JsonNode request, long start) {
			return this.full ? CompletableFuture.completedFuture(this.calls.refuse(request, start, notExecuted()))
					: this.calls.answer(request, start);
		}

		private void resume(Answer answer, Throwable failure, int next) {
			if (failure != null) {
				this.done.completeExceptionally(failure);
				return;
			}
			add(answer);
			from(next, BatchAnswers.this.metrics.start());
		}

		private void add(Answer answer) {
			if (answer == null) {
				return;
			}
			if (this.out.size() > 1) {
				this.out.write(',');
			}
			this.out.writeBytes(answer.bytes());
			this.full = this.out.size() > BatchAnswers.this.maxAnswerBytes;
		}

		private void finish() {
			if (this.out.size() == 1) {
				this.done.complete(null);
				return;
			}
			this.out.write(']');
			this.done.complete(this.out.toByteArray());
		}

	}

	/**
	 * Answers the request objects of a batch.
	 */
	interface Calls {

		/**
		 * Answers one request object: validates it and runs its call.
		 * @param request the request object
		 * @param start when its timing started
		 * @return its answer, or {@code null} for a notification; complete on return
		 * unless the call answers later
		 */
		CompletableFuture<Answer> answer(JsonNode request, long start);

		/**
		 * Answers one request object without running its call.
		 * @param request the request object
		 * @param start when its timing started
		 * @param message why the call did not run, in one sentence
		 * @return its answer ({@link RpcErrors#NOT_EXECUTED}, or -32600 for an invalid
		 * request), or {@code null} for a notification
		 */
		Answer refuse(JsonNode request, long start, String message);

	}

}
