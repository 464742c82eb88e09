package dev.rpcchat.shell.connection;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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

	/**
	 * Calls that do nothing more when made twice: a second join of a room announces
	 * nothing, and the others only read or refresh.
	 */
	private static final Set<String> REPEATABLE = Set.of("join_room", "heartbeat", "list_rooms", "list_users");

	RpcCall {
		params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
	}

	/**
	 * Whether making this call twice has the effect of making it once: a send with a
	 * {@code client_msg_id} (the server stores it once), a read from an {@code after_id}
	 * (the client's own cursor), or a call that never changes more than once.
	 * @return {@code true} when it may be made again after an unknown outcome
	 */
	boolean safeToRepeat() {
		return switch (this.method) {
			case "send_message" -> this.params.get("client_msg_id") != null;
			case "receive_messages" -> this.params.get("after_id") != null;
			default -> REPEATABLE.contains(this.method);
		};
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
