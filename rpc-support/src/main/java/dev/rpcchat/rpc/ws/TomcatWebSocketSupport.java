package dev.rpcchat.rpc.ws;

import org.apache.tomcat.websocket.server.WsSci;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Installs Tomcat's WebSocket server in the embedded Tomcat, as Spring Boot's own
 * WebSocket support would (its module is not used: see rpc-support's pom).
 */
final class TomcatWebSocketSupport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> context.addServletContainerInitializer(new WsSci(), null));
	}

}
