package dev.rpcchat.rpc.ws;

import org.apache.tomcat.websocket.server.WsSci;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Installs Tomcat's WebSocket server in the embedded Tomcat, as Spring Boot's own
 * WebSocket support would (its module is not used: see rpc-support's pom), with small
 * per-socket buffers.
 */
final class TomcatWebSocketSupport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	static final String BUFFER_SIZE_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	/**
	 * Tomcat gives every socket three buffers of this size (input, output, and the
	 * encoder of outgoing text), read once from the system property above: 8 KB each by
	 * default. With 1 KB each, 2,000 idle bound sockets took 17 KB of heap each instead
	 * of 40 KB (chat-app, after a full GC); messages larger than a buffer pass in parts.
	 * Start the JVM with {@code -Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE=8192}
	 * to keep Tomcat's default.
	 */
	static final String COMPACT_BUFFER_SIZE = "1024";

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (System.getProperty(BUFFER_SIZE_PROPERTY) == null) {
			System.setProperty(BUFFER_SIZE_PROPERTY, COMPACT_BUFFER_SIZE);
		}
		factory.addContextCustomizers((context) -> context.addServletContainerInitializer(new WsSci(), null));
	}

}
