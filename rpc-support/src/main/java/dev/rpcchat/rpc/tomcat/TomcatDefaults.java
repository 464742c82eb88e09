package dev.rpcchat.rpc.tomcat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every app that serves {@code POST /rpc} (binder-app, chat-app, the bench's no-op
 * server) the same web settings, as defaults of the lowest precedence: an app's own
 * {@code application.yml}, {@code ./config/}, environment variables and the command line
 * each override any one of them.
 *
 * <p>
 * With {@code rpc.tomcat.web-defaults=false} the header, connection and swallow limits
 * are Spring Boot's own. The logger level that keeps request headers (and so bearer
 * tokens) out of the log is set either way.
 */
final class TomcatDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "rpcTomcatDefaults";

	static final String SWITCH = "rpc.tomcat.web-defaults";

	/**
	 * The web settings: each waiting long poll holds a request header buffer and a
	 * response header buffer of these sizes (JSON-RPC headers are a few hundred bytes),
	 * 10,000 long-polling clients fit with room to spare (Tomcat's default is 8,192
	 * connections), and Tomcat discards at most as much of a body it does not read as the
	 * endpoint drains of one it refuses.
	 */
	static final Map<String, Object> WEB = Map.of("server.max-http-request-header-size", "4KB",
			"server.tomcat.max-http-response-header-size", "1KB", "server.tomcat.max-connections", "20000",
			"server.tomcat.max-swallow-size", "64MB");

	/**
	 * Tomcat's HTTP/1.1 processor logs a request it cannot parse at INFO with the
	 * offending header line in the message: a header with a NUL byte put the whole
	 * {@code Authorization} line, bearer token included, in the log. Such requests are
	 * the client's fault and are answered; only WARN and above are kept.
	 */
	static final Map<String, Object> QUIET_PARSE_ERRORS = Map
		.of("logging.level.org.apache.coyote.http11.Http11Processor", "WARN");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>(QUIET_PARSE_ERRORS);
		if (Binder.get(environment).bind(SWITCH, Boolean.class).orElse(true)) {
			defaults.putAll(WEB);
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
