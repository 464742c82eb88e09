package dev.rpcchat.binder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rpcchat.api.BinderService;
import dev.rpcchat.api.ChatException;
import dev.rpcchat.api.ErrorCode;
import dev.rpcchat.api.ProcedureEntry;
import dev.rpcchat.api.ProcedureLocation;
import dev.rpcchat.rpc.InvalidParamsException;
import dev.rpcchat.rpc.RpcCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The binder's JSON-RPC methods: checks in protocol.md's order (parameter values, token,
 * endpoint), then the registry.
 */
@Service
class DefaultBinderService implements BinderService {

	static final int MAX_PROCEDURE_NAME_LENGTH = 128;

	static final int MAX_ADDRESS_LENGTH = 253;

	static final Set<String> SCHEMES = Set.of("http", "https");

	private static final BigInteger MIN_PORT = BigInteger.ONE;

	private static final BigInteger MAX_PORT = BigInteger.valueOf(65535);

	private static final Logger logger = LoggerFactory.getLogger(DefaultBinderService.class);

	private final ProcedureRegistry registry;

	private final BinderProperties properties;

	DefaultBinderService(ProcedureRegistry registry, BinderProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	@Override
	public boolean registerProcedure(String procedureName, String address, BigInteger port, Integer ttlSeconds,
			String scheme) {
		if (ttlSeconds != null && ttlSeconds <= 0) {
			throw new InvalidParamsException("ttl_seconds must be a positive whole number of seconds.");
		}
		checkToken("register");
		int validPort = checkEndpoint(procedureName, address, port);
		String validScheme = checkScheme(scheme);
		Duration ttl = (ttlSeconds != null) ? Duration.ofSeconds(ttlSeconds) : null;
		Registration registration = this.registry.register(procedureName, address, validPort, validScheme, ttl);
		logger.debug("Registered {} at {}://{}:{} until {}", procedureName, validScheme, address, port,
				registration.isPermanent() ? "unregistered" : registration.expiresAt());
		return true;
	}

	@Override
	public boolean unregisterProcedure(String procedureName, String address, BigInteger port) {
		checkToken("unregister");
		int validPort = checkEndpoint(procedureName, address, port);
		boolean removed = this.registry.unregister(procedureName, address, validPort);
		logger.debug("Unregistered {} at {}:{}: {}", procedureName, address, port, removed ? "removed" : "absent");
		return removed;
	}

	@Override
	public ProcedureLocation lookupProcedure(String procedureName) {
		return this.registry.lookup(procedureName)
			.map(Registration::toLocation)
			.orElseThrow(() -> new ChatException(ErrorCode.PROCEDURE_NOT_FOUND,
					"No live provider of that procedure is registered.",
					Map.of("procedure_name", abbreviate(procedureName))));
	}

	@Override
	public List<ProcedureEntry> listProcedures() {
		return this.registry.list().stream().map(Registration::toEntry).toList();
	}

	private void checkToken(String operation) {
		if (!this.properties.isTokenRequired()) {
			return;
		}
		String presented = RpcCaller.bearerToken().orElse("");
		if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
				this.properties.token().getBytes(StandardCharsets.UTF_8))) {
			throw new ChatException(ErrorCode.UNAUTHORIZED,
					"This binder needs its token (Authorization: Bearer) to " + operation + " procedures.");
		}
	}

	/**
	 * Checks an endpoint.
	 * @return the port, now known to fit
	 */
	private static int checkEndpoint(String procedureName, String address, BigInteger port) {
		if (!isValidText(procedureName, MAX_PROCEDURE_NAME_LENGTH)) {
			throw invalidEndpoint("The procedure name must be 1 to " + MAX_PROCEDURE_NAME_LENGTH
					+ " characters without spaces or control characters.", "procedure_name");
		}
		if (!isValidText(address, MAX_ADDRESS_LENGTH)) {
			throw invalidEndpoint("The address must be a host name or IP address of 1 to " + MAX_ADDRESS_LENGTH
					+ " characters without spaces or control characters.", "address");
		}
		if (port.compareTo(MIN_PORT) < 0 || port.compareTo(MAX_PORT) > 0) {
			throw invalidEndpoint("The port must be between 1 and 65535.", "port");
		}
		return port.intValueExact();
	}

	private static String checkScheme(String scheme) {
		if (scheme == null) {
			return ProcedureLocation.DEFAULT_SCHEME;
		}
		if (!SCHEMES.contains(scheme)) {
			throw invalidEndpoint("The scheme must be \"http\" or \"https\".", "scheme");
		}
		return scheme;
	}

	private static boolean isValidText(String text, int maxLength) {
		if (text == null || text.isEmpty() || text.length() > maxLength) {
			return false;
		}
		// codePoints() yields an unpaired surrogate as itself: it could be stored but not
		// written back as JSON, which would break list_procedures for everyone
		return text.codePoints()
			.noneMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c)
					|| (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
	}

	private static ChatException invalidEndpoint(String message, String param) {
		return new ChatException(ErrorCode.INVALID_ENDPOINT, message, Map.of("param", param));
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() <= MAX_PROCEDURE_NAME_LENGTH) ? text : text.substring(0, MAX_PROCEDURE_NAME_LENGTH) + "…";
	}

}
