package dev.rpcchat.shell.connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ClientTrust;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.shell.connection.SecureConnectionException.Problem;
import dev.rpcchat.shell.connection.ServiceUnreachableException.Service;

/**
 * Makes one JSON-RPC 2.0 call over HTTP, with named parameters and an optional bearer
 * token. The shell has its own client rather than jsonrpc4j's {@code JsonRpcHttpClient}
 * because failover must know how a call failed (refused before it was sent, or cut off
 * after) and a long poll needs a longer timeout than other calls, where that client has
 * one read timeout for every call and reports any failure as a bare {@code Throwable}.
 */
class JsonRpcClient {

	private static final String[] NAME_PARAMS = { "username", "room_name", "recipient", "procedure_name" };

	private final HttpClient http;

	private final ObjectMapper mapper;

	private final Duration requestTimeout;

	private final AtomicLong ids = new AtomicLong();

	JsonRpcClient(ObjectMapper mapper, Duration requestTimeout) {
		this(mapper, requestTimeout, ClientTrust.sslContext(List.of()));
	}

	/**
	 * A client whose HTTPS calls trust what the given context trusts.
	 * @param mapper reads and writes the JSON
	 * @param requestTimeout how long one call may take, not counting a long poll's wait
	 * @param trust the TLS context, such as {@link ClientTrust#sslContext}'s
	 */
	JsonRpcClient(ObjectMapper mapper, Duration requestTimeout, SSLContext trust) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(requestTimeout)
			.sslContext(trust)
			.build();
		this.mapper = mapper;
		this.requestTimeout = requestTimeout;
	}

	ObjectMapper mapper() {
		return this.mapper;
	}

	Object call(Service service, URI url, RpcCall call, Optional<String> token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.requestTimeout.plus(call.extraWait()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body(call)));
		token.ifPresent((value) -> request.header("Authorization", "Bearer " + value));
		HttpResponse<byte[]> response = send(service, url, request.build());
		if (needsHttps(url, response)) {
			throw new SecureConnectionException(service, url, Problem.NEEDS_HTTPS, null);
		}
		if (response.statusCode() != 200) {
			throw new RpcErrorException(-32603, "HTTP status " + response.statusCode());
		}
		return result(call, response.body());
	}

	private byte[] body(RpcCall call) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("jsonrpc", "2.0");
		envelope.put("method", call.method());
		envelope.put("params", call.params());
		envelope.put("id", this.ids.incrementAndGet());
		try {
			return this.mapper.writeValueAsBytes(envelope);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a request for " + call.method(), ex);
		}
	}

	private HttpResponse<byte[]> send(Service service, URI url, HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (HttpConnectTimeoutException | ConnectException ex) {
			throw new ServiceUnreachableException(service, url, true, ex);
		}
		catch (HttpTimeoutException ex) {
			throw new ServiceUnreachableException(service, url, false, ex);
		}
		catch (SSLException ex) {
			throw new SecureConnectionException(service, url, handshakeProblem(ex), ex.getMessage());
		}
		catch (IOException ex) {
			throw new ServiceUnreachableException(service, url, ex.getCause() instanceof ConnectException, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServiceUnreachableException(service, url, false, ex);
		}
	}

	/**
	 * Whether a server on TLS answered a plain HTTP request: Tomcat then says so in a
	 * {@code 400} before any HTTP is read.
	 */
	private static boolean needsHttps(URI url, HttpResponse<byte[]> response) {
		return "http".equalsIgnoreCase(url.getScheme()) && response.statusCode() == 400
				&& new String(response.body(), StandardCharsets.UTF_8).contains("requires TLS");
	}

	private static Problem handshakeProblem(SSLException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("No subject alternative") || message.contains("No name matching")) {
			return Problem.WRONG_NAME;
		}
		if (message.contains("PKIX") || message.contains("certificate_unknown")) {
			return Problem.UNTRUSTED_CERTIFICATE;
		}
		return Problem.HANDSHAKE_FAILED;
	}

	private Object result(RpcCall call, byte[] body) {
		try {
			JsonNode answer = this.mapper.readTree(body);
			JsonNode error = answer.get("error");
			if (error != null && !error.isNull()) {
				throw error(call, error);
			}
			JavaType type = call.resultType();
			return this.mapper.treeToValue(answer.get("result"), type);
		}
		catch (IOException ex) {
			throw new RpcErrorException(-32700, "The answer to " + call.method() + " was not valid JSON");
		}
	}

	private RuntimeException error(RpcCall call, JsonNode error) {
		int code = error.path("code").asInt(-32603);
		String message = error.path("message").asText("");
		Optional<ErrorCode> errorCode = ErrorCode.of(code);
		if (errorCode.isEmpty()) {
			return new RpcErrorException(code, message);
		}
		return new ChatException(errorCode.get(), message, details(call, error.path("data")));
	}

	/**
	 * The error's data, with the names the call gave, so a sentence can name them.
	 */
	private Map<String, Object> details(RpcCall call, JsonNode data) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (String name : NAME_PARAMS) {
			Object value = call.params().get(name);
			if (value != null) {
				details.put(name, value);
			}
		}
		details.put("method", call.method());
		if (data.isObject()) {
			data.properties().forEach((entry) -> {
				if (!entry.getValue().isNull()) {
					details.put(entry.getKey(), this.mapper.convertValue(entry.getValue(), Object.class));
				}
			});
		}
		return details;
	}

}
