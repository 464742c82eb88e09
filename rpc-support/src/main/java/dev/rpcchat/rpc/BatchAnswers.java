package dev.rpcchat.rpc;

import java.io.ByteArrayOutputStream;

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
 * {@link RpcCaller#receivedNanos()}, so long polls measured from it do not add up.
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
	 * every call was a notification
	 */
	byte[] answer(ArrayNode requests, Calls calls, long start) {
		if (requests.isEmpty()) {
			return refuse(start, RpcErrors.message(RpcErrors.INVALID_REQUEST));
		}
		if (requests.size() > this.maxCalls) {
			return refuse(start, "Invalid Request: a batch may hold at most " + this.maxCalls + " calls, this one has "
					+ requests.size());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write('[');
		boolean full = false;
		long callStart = start;
		for (JsonNode request : requests) {
			Answer answer = full ? calls.refuse(request, callStart, notExecuted()) : calls.answer(request, callStart);
			if (answer != null) {
				if (out.size() > 1) {
					out.write(',');
				}
				out.writeBytes(answer.bytes());
				full = out.size() > this.maxAnswerBytes;
			}
			callStart = this.metrics.start();
		}
		if (out.size() == 1) {
			return null;
		}
		out.write(']');
		return out.toByteArray();
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
	 * Answers the request objects of a batch.
	 */
	interface Calls {

		/**
		 * Answers one request object: validates it and runs its call.
		 * @param request the request object
		 * @param start when its timing started
		 * @return its answer, or {@code null} for a notification
		 */
		Answer answer(JsonNode request, long start);

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
