package dev.rpcchat.bench;

import java.io.Closeable;
import java.io.IOException;

/**
 * One simulated user's way of posting JSON-RPC bodies over keep-alive HTTP/1.1; not
 * shared between threads.
 */
interface HttpTransport extends Closeable {

	/**
	 * Posts a body to the endpoint and waits for the answer.
	 * @param body the JSON-RPC request
	 * @param bearerToken sent as {@code Authorization: Bearer}, or {@code null}
	 * @return the HTTP status and body
	 * @throws IOException when the exchange fails
	 */
	Response post(byte[] body, String bearerToken) throws IOException;

	@Override
	void close();

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param body the body, empty when there is none
	 */
	record Response(int status, byte[] body) {

	}

}
