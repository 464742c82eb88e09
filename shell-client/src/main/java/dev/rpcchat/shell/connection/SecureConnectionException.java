package dev.rpcchat.shell.connection;

import java.net.URI;

import dev.rpcchat.shell.connection.ServiceUnreachableException.Service;

/**
 * A call that failed because of TLS: the service speaks HTTPS and was called with
 * {@code http://}, or the secure connection could not be set up (a certificate the shell
 * does not trust, or one made for another name; or no HTTPS at an {@code https://} URL).
 * Nothing reached the service, and asking again will not help until a setting changes.
 */
public class SecureConnectionException extends RuntimeException {

	private final Service service;

	private final URI url;

	private final Problem problem;

	SecureConnectionException(Service service, URI url, Problem problem, String detail) {
		super(service.label() + " at " + url + ": " + problem + ((detail != null) ? " (" + detail + ")" : ""), null,
				false, false);
		this.service = service;
		this.url = url;
		this.problem = problem;
	}

	public Service service() {
		return this.service;
	}

	public URI url() {
		return this.url;
	}

	public Problem problem() {
		return this.problem;
	}

	/**
	 * What went wrong.
	 */
	public enum Problem {

		/** Called with {@code http://}, it answered that it speaks HTTPS only. */
		NEEDS_HTTPS,

		/** Its certificate is not one the shell trusts. */
		UNTRUSTED_CERTIFICATE,

		/** Its certificate is for other names than the one called. */
		WRONG_NAME,

		/** Anything else that stopped the handshake, such as no TLS at all there. */
		HANDSHAKE_FAILED

	}

}
