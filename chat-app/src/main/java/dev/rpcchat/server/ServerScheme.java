package dev.rpcchat.server;

import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;

/**
 * The scheme clients reach this server with, read from its own SSL configuration:
 * {@code https} when Spring Boot serves it over TLS ({@code server.ssl.bundle}, or any
 * other {@code server.ssl.*} setting with {@code server.ssl.enabled} left true), else
 * {@code http}. It is derived, never set by hand, so what the binder hands out cannot
 * disagree with what the server speaks.
 */
public final class ServerScheme {

	private ServerScheme() {
	}

	/**
	 * The scheme of a server with these settings.
	 * @param server the server's settings, or {@code null} when there are none
	 * @return {@code https} or {@code http}
	 */
	public static String of(ServerProperties server) {
		return (server != null && Ssl.isEnabled(server.getSsl())) ? "https" : "http";
	}

}
