package dev.rpcchat.shell.connection;

import java.net.URI;

/**
 * A call that did not reach its service: nothing listens there, or it did not answer in
 * time.
 */
public class ServiceUnreachableException extends RuntimeException {

	private final Service service;

	private final URI url;

	private final boolean connectFailed;

	public ServiceUnreachableException(Service service, URI url, boolean connectFailed, Throwable cause) {
		super(service.label() + " at " + url + " is unreachable", cause);
		this.service = service;
		this.url = url;
		this.connectFailed = connectFailed;
	}

	public Service service() {
		return this.service;
	}

	public URI url() {
		return this.url;
	}

	/**
	 * Whether the connection itself failed, so the request was certainly not processed.
	 * @return {@code true} when no connection could be made
	 */
	public boolean connectFailed() {
		return this.connectFailed;
	}

	/**
	 * The services the shell talks to.
	 */
	public enum Service {

		/** The procedure registry. */
		BINDER("the binder"),

		/** A chat server found through the binder. */
		CHAT_SERVER("the chat server");

		private final String label;

		Service(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
