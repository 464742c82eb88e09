package dev.rpcchat.shell.connection;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;

/**
 * One call to make: the method's wire name, its named parameters and the type of its
 * result.
 *
 * @param method the wire name, such as {@code join_room}
 * @param params the parameters by wire name, in order; absent optional ones are left out
 * @param resultType what the result is read as
 */
record RpcCall(String method, Map<String, Object> params, JavaType resultType) {

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
