package dev.rpcchat.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import dev.rpcchat.api.ClientTrust;

/**
 * A throwaway self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made
 * at test time by the running JDK's {@code keytool} (no private key is committed): a
 * PKCS12 key store for the servers and the certificate as PEM for the clients, in a
 * temporary directory removed when the JVM ends. One per JVM.
 */
public final class TestCertificate {

	/** The key store's password. */
	public static final String PASSWORD = "throwaway-test-password";

	private static TestCertificate made;

	private final Path keyStore;

	private final Path certificate;

	private TestCertificate(Path keyStore, Path certificate) {
		this.keyStore = keyStore;
		this.certificate = certificate;
	}

	/**
	 * The certificate, made the first time.
	 * @return it
	 */
	public static synchronized TestCertificate get() {
		if (made == null) {
			made = make();
		}
		return made;
	}

	private static TestCertificate make() {
		try {
			Path directory = Files.createTempDirectory("rpc-chat-tls-");
			Path keyStore = directory.resolve("server.p12");
			Path certificate = directory.resolve("server.pem");
			keytool("-genkeypair", "-alias", "rpc-chat", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
					"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore",
					keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
			keytool("-exportcert", "-rfc", "-alias", "rpc-chat", "-keystore", keyStore.toString(), "-storepass",
					PASSWORD, "-file", certificate.toString());
			for (Path path : List.of(directory, keyStore, certificate)) {
				path.toFile().deleteOnExit();
			}
			return new TestCertificate(keyStore, certificate);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void keytool(String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: "
						+ new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The settings that make an app serve HTTPS with this certificate, through a Spring
	 * Boot SSL bundle named {@code server}.
	 * @return command-line arguments
	 */
	public List<String> serverArguments() {
		return List.of("--server.ssl.bundle=server",
				"--spring.ssl.bundle.jks.server.keystore.location=file:" + this.keyStore,
				"--spring.ssl.bundle.jks.server.keystore.password=" + PASSWORD,
				"--spring.ssl.bundle.jks.server.keystore.type=PKCS12");
	}

	/**
	 * The settings that make a client app trust this certificate besides the JVM's trust
	 * store: {@code chat.tls.trust-bundle} naming a PEM bundle.
	 * @return command-line arguments
	 */
	public List<String> trustArguments() {
		return List.of("--chat.tls.trust-bundle=test-ca",
				"--spring.ssl.bundle.pem.test-ca.truststore.certificate=file:" + this.certificate);
	}

	public Path certificate() {
		return this.certificate;
	}

	/**
	 * A client's SSL context that trusts this certificate besides the JVM's trust store.
	 * @return the context
	 */
	public SSLContext clientContext() {
		try {
			return ClientTrust.sslContext(ClientTrust.readPem(this.certificate));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
