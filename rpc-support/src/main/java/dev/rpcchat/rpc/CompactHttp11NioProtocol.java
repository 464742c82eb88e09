package dev.rpcchat.rpc;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a small response buffer per request, sized for
 * JSON-RPC answers rather than for pages.
 *
 * <p>
 * Each request in flight holds its own catalina {@code Response}, whose output buffer is
 * this many bytes plus as many chars; Tomcat's default is 8 K of each (24 KB). A waiting
 * long poll is a request in flight, so this is paid once per waiting poll. A larger
 * answer still goes out whole: the buffer is only flushed more often. Public, with a
 * public constructor, because Tomcat's {@code Connector} instantiates the protocol by
 * class name.
 */
public class CompactHttp11NioProtocol extends Http11NioProtocol {

	static final int RESPONSE_BUFFER_SIZE = 1024;

	@Override
	public int getDesiredBufferSize() {
		return RESPONSE_BUFFER_SIZE;
	}

}
