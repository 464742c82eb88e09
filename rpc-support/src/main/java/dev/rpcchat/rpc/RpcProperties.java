package dev.rpcchat.rpc;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The JSON-RPC layer's settings, shared by every app that serves {@code POST /rpc}.
 *
 * @param batch the limits of one batch
 * @param tomcat which of the embedded Tomcat's memory tricks are on
 * @param answerLater whether a call that answers later ({@link RpcCaller#answerLater},
 * such as a waiting long poll) lets its thread go and, over {@code POST /rpc}, suspends
 * its request (servlet async) until its answer comes; {@code false}: it waits on its
 * thread
 */
@Validated
@ConfigurationProperties("rpc")
public record RpcProperties(@Valid @DefaultValue Batch batch, @Valid @DefaultValue Tomcat tomcat,
		@DefaultValue("true") boolean answerLater) {

	/**
	 * The limits of one batch request.
	 *
	 * @param maxCalls the most calls (requests and notifications) one batch may hold; a
	 * larger batch is refused whole with one -32600
	 * @param maxAnswerSize once the answers of a batch add up to more than this, its
	 * remaining calls are not executed and each is answered with an error of its own
	 */
	public record Batch(@Min(1) @DefaultValue("100") int maxCalls,
			@NotNull @DefaultValue("16MB") DataSize maxAnswerSize) {

	}

	/**
	 * The embedded Tomcat's settings for many small JSON-RPC requests and waiting long
	 * polls; each can be switched off to measure what it is worth.
	 *
	 * @param webDefaults whether the header size, connection and swallow limits of
	 * {@code dev.rpcchat.rpc.tomcat.TomcatDefaults} are the defaults of the
	 * {@code server.*} properties (each can still be set on its own)
	 * @param compactSocketBuffers whether each connection's socket read and write buffers
	 * are 1 KB and 2 KB instead of 8 KB each
	 * @param compactRequestBuffers whether each request's response buffer and trailer
	 * buffer are 1 KB instead of 8 KB (plus 8 K chars) and 8 KB
	 * @param smallReaderBuffer whether each request's char buffer behind
	 * {@code getReader()} is 256 chars instead of 8 K chars, swapped in by reflection
	 */
	public record Tomcat(@DefaultValue("true") boolean webDefaults, @DefaultValue("true") boolean compactSocketBuffers,
			@DefaultValue("true") boolean compactRequestBuffers, @DefaultValue("true") boolean smallReaderBuffer) {

	}

}
