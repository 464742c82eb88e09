package dev.rpcchat.rpc;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link JsonErrorReportValve} in place of the embedded Tomcat's HTML error report,
 * so that a request Tomcat refuses itself (headers over
 * {@code server.max-http-request-header-size}, 8 KB by default) gets a JSON answer.
 */
final class TomcatJsonErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
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
		return Ordered.LOWEST_PRECEDENCE;
	}

}
