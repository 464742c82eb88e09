package dev.rpcchat.shell.connection;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import dev.rpcchat.api.Idempotent;

/**
 * One call to make: the method's wire name, its named parameters, the type of its result,
 * and whether it may be made again after an unknown outcome.
 *
 * @param method the wire name, such as {@code join_room}
 * @param params the parameters by wire name, in order; absent optional ones are left out
 * @param resultType what the result is read as
 * @param safeToRepeat whether making this call twice has the effect of making it once, as
 * the contract declares with {@link Idempotent}
 */
record RpcCall(String method, Map<String, Object> params, JavaType resultType, boolean safeToRepeat) {

	RpcCall {
		params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
	}

	/**
	 * How much longer than usual the call may take: a long poll's {@code wait_seconds}.
	 * @return the extra time
	 */
	Duration extraWait() {
		Object wait = this.params.get("wait_seconds");
		return (wait instanceof Number seconds) ? Duration.ofSeconds(seconds.longValue()) : Duration.ZERO;
	}

}
