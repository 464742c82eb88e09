package dev.rpcchat.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the shell trusts when it reaches the binder or a chat server over HTTPS:
 * {@code chat.tls.trust-bundle} ({@code CHAT_TLS_TRUST_BUNDLE}), the protocol's name. The
 * JVM's trust store always; this adds to it, never replaces it.
 *
 * @param trustBundle the name of a Spring Boot SSL bundle whose certificates are trusted
 * as well, such as a self-signed one of your own: define it with
 * {@code spring.ssl.bundle.pem.<name>.truststore.certificate=<a PEM file>}; unset for the
 * JVM's trust store alone
 */
@ConfigurationProperties("chat.tls")
public record ChatTlsProperties(String trustBundle) {

}
