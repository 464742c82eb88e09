package dev.rpcchat.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 over one keep-alive socket, written and read by hand: the cheapest client per
 * call, so that the load generator spends its core on load rather than on its own client.
 * An {@code https://} endpoint gets TLS on that socket, with the server's certificate and
 * host name checked as any HTTPS client does.
 */
final class RawHttpTransport implements HttpTransport {

	private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

	/**
	 * Longer than the longest long poll (30 s), so only a server that stopped answering
	 * trips it.
	 */
	private static final int READ_TIMEOUT_MILLIS = 60_000;

	private final String host;

	private final int port;

	private final byte[] requestLinePrefix;

	private final SSLSocketFactory tls;

	private final ByteArrayOutputStream request = new ByteArrayOutputStream(512);

	private final byte[] line = new byte[8192];

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private boolean answering;

	RawHttpTransport(URI endpoint) {
		this(endpoint, null);
	}

	/**
	 * A transport to an endpoint.
	 * @param endpoint an {@code http://} or {@code https://} URL
	 * @param tls what an {@code https://} endpoint's certificate is checked against, or
	 * {@code null} for the JVM's trust store
	 */
	RawHttpTransport(URI endpoint, SSLContext tls) {
		boolean secure = "https".equalsIgnoreCase(endpoint.getScheme());
		this.tls = !secure ? null
				: (tls != null) ? tls.getSocketFactory() : (SSLSocketFactory) SSLSocketFactory.getDefault();
		this.host = endpoint.getHost();
		this.port = (endpoint.getPort() > 0) ? endpoint.getPort() : secure ? 443 : 80;
		String path = (endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()) ? "/" : endpoint.getRawPath();
		String prefix = "POST " + path + " HTTP/1.1\r\nHost: " + this.host + ":" + this.port
				+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ";
		this.requestLinePrefix = prefix.getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public Response post(byte[] body, String bearerToken) throws IOException {
		boolean reused = this.socket != null;
		this.answering = false;
		try {
			return exchange(body, bearerToken);
		}
		catch (IOException ex) {
			close();
			// A kept-alive connection the server closed while idle fails before any
			// answer: retry once, anew.
			if (reused && !this.answering) {
				return exchange(body, bearerToken);
			}
			throw ex;
		}
	}

	private Response exchange(byte[] body, String bearerToken) throws IOException {
		if (this.socket == null) {
			connect();
		}
		writeRequest(body, bearerToken);
		return readResponse();
	}

	private void connect() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setKeepAlive(true);
		socket.setSoTimeout(READ_TIMEOUT_MILLIS);
		socket.connect(new InetSocketAddress(this.host, this.port), CONNECT_TIMEOUT_MILLIS);
		if (this.tls != null) {
			socket = secure(socket);
		}
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		this.out = socket.getOutputStream();
	}

	private Socket secure(Socket plain) throws IOException {
		SSLSocket socket = (SSLSocket) this.tls.createSocket(plain, this.host, this.port, true);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		return socket;
	}

	private void writeRequest(byte[] body, String bearerToken) throws IOException {
		this.request.reset();
		this.request.write(this.requestLinePrefix);
		this.request.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
		if (bearerToken != null) {
			this.request.write("\r\nAuthorization: Bearer ".getBytes(StandardCharsets.US_ASCII));
			this.request.write(bearerToken.getBytes(StandardCharsets.US_ASCII));
		}
		this.request.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		this.request.write(body);
		this.request.writeTo(this.out);
		this.out.flush();
	}

	private Response readResponse() throws IOException {
		int length = readLine();
		this.answering = true;
		int status = parseStatus(length);
		int contentLength = -1;
		boolean chunked = false;
		boolean close = false;
		while ((length = readLine()) > 0) {
			String header = new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				contentLength = Integer.parseInt(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.equalsIgnoreCase("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				close = value.equalsIgnoreCase("close");
			}
		}
		byte[] body = chunked ? readChunked() : readFixed(Math.max(contentLength, 0));
		if (close || (contentLength < 0 && !chunked && status != 204 && status != 304)) {
			close();
		}
		return new Response(status, body);
	}

	private int parseStatus(int length) throws IOException {
		if (length < 12 || this.line[0] != 'H') {
			throw new IOException("not an HTTP response");
		}
		return (this.line[9] - '0') * 100 + (this.line[10] - '0') * 10 + (this.line[11] - '0');
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			int length = readLine();
			String size = new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
			int semicolon = size.indexOf(';');
			int chunk = Integer.parseInt((semicolon >= 0) ? size.substring(0, semicolon).trim() : size.trim(), 16);
			if (chunk == 0) {
				while (readLine() > 0) {
					// trailers
				}
				return body.toByteArray();
			}
			body.write(readFixed(chunk));
			readLine();
		}
	}

	private byte[] readFixed(int length) throws IOException {
		byte[] body = new byte[length];
		int read = 0;
		while (read < length) {
			int n = this.in.read(body, read, length - read);
			if (n < 0) {
				throw new EOFException("connection closed in the middle of a body");
			}
			read += n;
		}
		return body;
	}

	/**
	 * Reads one CRLF-terminated line into {@link #line}.
	 * @return the line's length without CRLF
	 */
	private int readLine() throws IOException {
		int length = 0;
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException("connection closed before the end of a response");
			}
			if (b == '\n') {
				return (length > 0 && this.line[length - 1] == '\r') ? length - 1 : length;
			}
			if (length == this.line.length) {
				throw new IOException("response line too long");
			}
			this.line[length++] = (byte) b;
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing is best effort
			}
			this.socket = null;
			this.in = null;
			this.out = null;
		}
	}

}
