package dev.rpcchat.rpc.tomcat;

import dev.rpcchat.rpc.RpcProperties;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Sizes the embedded Tomcat's per-connection and per-request buffers for small JSON-RPC
 * bodies, so that thousands of open connections and waiting long polls fit in a small
 * heap.
 *
 * <p>
 * Each trick has its switch in {@code rpc.tomcat.*}:
 * <ul>
 * <li>{@code compact-socket-buffers}: per connection, the NIO socket's application read
 * and write buffers (Tomcat: 8 KB each) become {@link #SOCKET_READ_BUFFER_SIZE} and
 * {@link #SOCKET_WRITE_BUFFER_SIZE};</li>
 * <li>{@code compact-request-buffers}: per request in flight, the response buffer becomes
 * {@link CompactHttp11NioProtocol#RESPONSE_BUFFER_SIZE} (unless the application chose
 * another protocol) and the buffer for the trailer headers of a chunked body
 * {@link #MAX_TRAILER_SIZE} (Tomcat: 8 KB, allocated for every request, chunked or
 * not);</li>
 * <li>{@code small-reader-buffer}: per request in flight, the char buffer behind
 * {@code getReader()} becomes {@link SmallReaderBufferValve#CHAR_BUFFER_SIZE} chars
 * (Tomcat: 16 KB).</li>
 * </ul>
 * Larger bodies and answers still pass whole, in more reads and writes. With all three, a
 * chat-app of 512 MiB held 10,000 waiting long polls (bench/RESULTS.md).
 */
final class TomcatCompactBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	static final int SOCKET_READ_BUFFER_SIZE = 1024;

	static final int SOCKET_WRITE_BUFFER_SIZE = 2048;

	static final int MAX_TRAILER_SIZE = 1024;

	private static final Logger logger = LoggerFactory.getLogger(TomcatCompactBuffers.class);

	private final RpcProperties.Tomcat settings;

	TomcatCompactBuffers(RpcProperties.Tomcat settings) {
		this.settings = settings;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (this.settings.compactRequestBuffers()
				&& TomcatWebServerFactory.DEFAULT_PROTOCOL.equals(factory.getProtocol())) {
			factory.setProtocol(CompactHttp11NioProtocol.class.getName());
		}
		factory.addConnectorCustomizers(this::shrinkBuffers);
		if (this.settings.smallReaderBuffer()) {
			factory.addEngineValves(new SmallReaderBufferValve());
		}
	}

	private void shrinkBuffers(Connector connector) {
		if (this.settings.compactSocketBuffers()) {
			set(connector, "socket.appReadBufSize", SOCKET_READ_BUFFER_SIZE);
			set(connector, "socket.appWriteBufSize", SOCKET_WRITE_BUFFER_SIZE);
		}
		if (this.settings.compactRequestBuffers()
				&& connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
			http.setMaxTrailerSize(MAX_TRAILER_SIZE);
		}
	}

	private static void set(Connector connector, String name, int value) {
		if (!connector.setProperty(name, Integer.toString(value))) {
			logger.warn("Tomcat's {} connector has no property {}; its default stays", connector.getProtocol(), name);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
