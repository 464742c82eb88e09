package dev.rpcchat.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for {@code POST /rpc} and its WebSocket upgrade: answers a browser's preflight for
 * the origins of {@code chat.web.allowed-origins} (method {@code POST}, headers
 * {@code Authorization} and {@code Content-Type}) and marks the answers to their calls as
 * readable by them. A request from another origin is refused with 403 and a plain JSON
 * body, before any call runs. Requests without an {@code Origin} header (curl, the shell,
 * the bench) pass untouched.
 */
final class RpcCors extends CorsFilter {

	static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(30);

	static final String REFUSED = "{\"error\":\"Cross-origin request refused: "
			+ "this origin, method or header may not call /rpc\"}";

	RpcCors(ChatWebProperties properties) {
		super(source(properties.allowedOrigins()));
		setCorsProcessor(new JsonRefusals());
	}

	private static UrlBasedCorsConfigurationSource source(List<String> allowedOrigins) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOriginPatterns(allowedOrigins);
		// GET is the WebSocket upgrade of /rpc (a plain GET is 405 anyway)
		configuration.setAllowedMethods(List.of(HttpMethod.POST.name(), HttpMethod.GET.name()));
		configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
		configuration.setMaxAge(PREFLIGHT_MAX_AGE);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration(JsonRpcEndpoint.PATH, configuration);
		source.registerCorsConfiguration(JsonRpcEndpoint.PATH + "/", configuration);
		return source;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// no Origin, no CORS: keeps the Vary headers off every plain call
		return request.getHeader(HttpHeaders.ORIGIN) == null;
	}

	/**
	 * Spring's CORS checks, with a JSON body instead of Spring's plain-text wording when
	 * a request is refused.
	 */
	private static final class JsonRefusals extends DefaultCorsProcessor {

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.getBody().write(REFUSED.getBytes(StandardCharsets.UTF_8));
			response.flush();
		}

	}

}
