package dev.rpcchat.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a client trusts when it reaches a binder or a chat server over HTTPS: the JVM's
 * trust store (its certificate authorities, or the store {@code javax.net.ssl.trustStore}
 * names) plus, optionally, certificates of its own, such as the self-signed one of a chat
 * server on a private network. Adding to the JVM's authorities, rather than replacing
 * them, keeps servers with public certificates working alongside. Written once for the
 * shell, chat-app and the bench.
 */
public final class ClientTrust {

	private ClientTrust() {
	}

	/**
	 * An SSL context that trusts the JVM's trust store plus the given certificates; host
	 * names are still checked against each server's certificate.
	 * @param extra the certificates to trust as well; none for the JVM's trust alone
	 * @return the context
	 * @throws IllegalStateException when the JVM's trust store cannot be read
	 */
	public static SSLContext sslContext(Collection<X509Certificate> extra) {
		try {
			if (extra.isEmpty()) {
				return SSLContext.getDefault();
			}
			KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
			anchors.load(null, null);
			int alias = 0;
			for (X509Certificate certificate : jvmAuthorities()) {
				anchors.setCertificateEntry("jvm-" + alias++, certificate);
			}
			for (X509Certificate certificate : extra) {
				anchors.setCertificateEntry("extra-" + alias++, certificate);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(anchors);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot build the TLS trust: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The certificates a trust store holds: its trusted entries, and the first
	 * certificate of each key entry.
	 * @param store a trust store, such as an SSL bundle's
	 * @return its certificates
	 * @throws IllegalStateException when the store cannot be read
	 */
	public static List<X509Certificate> certificates(KeyStore store) {
		List<X509Certificate> certificates = new ArrayList<>();
		try {
			for (String alias : Collections.list(store.aliases())) {
				Certificate certificate = store.getCertificate(alias);
				if (certificate instanceof X509Certificate x509) {
					certificates.add(x509);
				}
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the trust store: " + ex.getMessage(), ex);
		}
		return certificates;
	}

	/**
	 * Reads the certificates of a PEM file ({@code -----BEGIN CERTIFICATE-----} blocks).
	 * @param file the file
	 * @return its certificates, at least one
	 * @throws IOException when the file cannot be read or holds no certificate
	 */
	public static List<X509Certificate> readPem(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			List<X509Certificate> certificates = new ArrayList<>();
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				certificates.add((X509Certificate) certificate);
			}
			if (certificates.isEmpty()) {
				throw new IOException(file + " holds no certificate");
			}
			return certificates;
		}
		catch (GeneralSecurityException ex) {
			throw new IOException(file + " is not a PEM certificate file: " + ex.getMessage(), ex);
		}
	}

	private static List<X509Certificate> jvmAuthorities() throws GeneralSecurityException {
		TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		jvm.init((KeyStore) null);
		List<X509Certificate> authorities = new ArrayList<>();
		for (TrustManager manager : jvm.getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				authorities.addAll(List.of(x509.getAcceptedIssuers()));
			}
		}
		return authorities;
	}

}
