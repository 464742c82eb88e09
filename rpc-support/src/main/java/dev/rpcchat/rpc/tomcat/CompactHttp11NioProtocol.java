package dev.rpcchat.rpc.tomcat;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a 1 KB response buffer per request, sized for
 * JSON-RPC answers rather than pages.
 */
public class CompactHttp11NioProtocol extends Http11NioProtocol {

	// Every request in flight, such as a waiting long poll, holds its own
	// catalina Response, whose buffer is this many bytes plus as many chars
	// (Tomcat: 8 K of each). The class is public, with a public constructor,
	// because Tomcat's Connector creates the protocol from its class name.
	static final int RESPONSE_BUFFER_SIZE = 1024;

	@Override
	public int getDesiredBufferSize() {
		return RESPONSE_BUFFER_SIZE;
	}

}
