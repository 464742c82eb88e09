package dev.rpcchat.server.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: 256 random bits, URL-safe; only their SHA-256 is ever stored.
 */
final class SessionTokens {

	private static final SecureRandom random = new SecureRandom();

	// Cloning a digest is much cheaper than looking the algorithm up on every call.
	private static final MessageDigest sha256 = newSha256();

	private SessionTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			MessageDigest digest = (MessageDigest) sha256.clone();
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JDK's SHA-256 can be cloned", ex);
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
