package dev.rpcchat.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The one {@code POST /rpc} of a service: reads the body itself (any content type, at
 * most 1 MiB), hands it to the {@link Envelope} and writes the answer's bytes.
 */
@Controller
final class JsonRpcEndpoint {

	static final String PATH = "/rpc";

	static final int MAX_BODY_BYTES = 1024 * 1024;

	// past this a body is no longer drained but the connection closed
	static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(JsonRpcEndpoint.class);

	private static final String BEARER = "Bearer ";

	private final Envelope envelope;

	JsonRpcEndpoint(Envelope envelope) {
		this.envelope = envelope;
	}

	@PostMapping({ PATH, PATH + "/" })
	void rpc(HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body;
		try {
			body = read(request, response);
		}
		catch (IOException ex) {
			logger.debug("Could not read a JSON-RPC request body; the client is gone", ex);
			return;
		}
		if (body == null) {
			write(response, this.envelope.tooLarge());
			return;
		}
		CompletableFuture<byte[]> answer = this.envelope.answer(body, caller(request));
		if (answer.isDone() || !request.isAsyncSupported()) {
			write(response, answer.join());
			return;
		}
		answerLater(request.startAsync(), answer);
	}

	/**
	 * Lets the request's thread go while a call answers later
	 * ({@link RpcCaller#answerLater}): the request is suspended (servlet async) and its
	 * answer written, on the thread that completes it, when it comes. A suspended request
	 * still holds Tomcat's request state (its buffers, header and parameter objects), but
	 * no thread: a chat-app with 5,000 waiting long polls held 24.7 KB of live heap per
	 * poll suspended, 36.8 KB with each poll's virtual thread parked (its stack alone
	 * about 10.5 KB), measured after a full GC (bench/RESULTS.md, "What a waiting long
	 * poll holds"; {@code rpc.answer-later=false} parks the thread again).
	 */
	private static void answerLater(AsyncContext async, CompletableFuture<byte[]> answer) {
		// the calls that answer later bound their own waits (wait_seconds)
		async.setTimeout(0);
		answer.whenComplete((bytes, failure) -> {
			try {
				write((HttpServletResponse) async.getResponse(), bytes);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Could not write a JSON-RPC answer; the client is gone", ex);
			}
			finally {
				async.complete();
			}
		});
	}

	/**
	 * Reads a body of at most {@link #MAX_BODY_BYTES}; a larger one is read to its end
	 * and discarded.
	 * @return the body, or {@code null} when it was too large
	 */
	private static byte[] read(HttpServletRequest request, HttpServletResponse response) throws IOException {
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
			if (bytes.length <= MAX_BODY_BYTES) {
				return bytes;
			}
			if (!drain(body)) {
				response.setHeader(HttpHeaders.CONNECTION, "close");
			}
			return null;
		}
	}

	// OPTIONS too: Spring MVC would answer it itself with 200 and Allow: POST,OPTIONS (a
	// browser's CORS preflight never gets here: RpcCors answers it)
	@RequestMapping(path = { PATH, PATH + "/" }, method = { RequestMethod.GET, RequestMethod.HEAD, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE })
	void otherMethods(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
		response.setHeader(HttpHeaders.ALLOW, "POST");
	}

	private static boolean drain(InputStream body) throws IOException {
		long drained = MAX_BODY_BYTES + 1;
		byte[] buffer = new byte[64 * 1024];
		int read;
		while ((read = body.read(buffer)) != -1) {
			drained += read;
			if (drained > MAX_DRAINED_BYTES) {
				logger.debug("Stopped draining a request body past {} bytes", MAX_DRAINED_BYTES);
				return false;
			}
		}
		return true;
	}

	// read right after the body: the request's reception is when its last byte came
	private static RpcCaller.Context caller(HttpServletRequest request) {
		return new RpcCaller.Context(bearerToken(request), request.getRemoteAddr(), System.nanoTime(), null);
	}

	private static String bearerToken(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		String token = authorization.substring(BEARER.length()).trim();
		return token.isEmpty() ? null : token;
	}

	private static void write(HttpServletResponse response, byte[] answer) throws IOException {
		if (answer == null) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(answer.length);
		try (OutputStream out = response.getOutputStream()) {
			out.write(answer);
		}
	}

}
