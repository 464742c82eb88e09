package dev.rpcchat.rpc;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Tunes the embedded Tomcat for JSON-RPC clients: request headers up to 64 KB (unless
 * {@code server.max-http-request-header-size} is set) and {@link JsonErrorReportValve} in
 * place of Tomcat's HTML error report.
 */
final class TomcatJsonErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	static final DataSize MAX_REQUEST_HEADER_SIZE = DataSize.ofKilobytes(64);

	static final String HEADER_SIZE_PROPERTY = "server.max-http-request-header-size";

	private final Environment environment;

	TomcatJsonErrors(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (!this.environment.containsProperty(HEADER_SIZE_PROPERTY)) {
			factory.addConnectorCustomizers((connector) -> {
				if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
					http.setMaxHttpRequestHeaderSize((int) MAX_REQUEST_HEADER_SIZE.toBytes());
				}
			});
		}
		factory.addContextCustomizers(TomcatJsonErrors::replaceErrorReport);
	}

	private static void replaceErrorReport(Context context) {
		Container parent = context.getParent();
		if (!(parent instanceof StandardHost host)) {
			return;
		}
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
		host.getPipeline().addValve(new JsonErrorReportValve());
	}

	@Override
	public int getOrder() {
		// after Boot's own Tomcat customizer, which applies the default header size
		return Ordered.LOWEST_PRECEDENCE;
	}

}
