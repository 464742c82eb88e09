package dev.rpcchat.server.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.rpcchat.server.name.Names;

/**
 * How the Redis store writes times, names and ids as Redis strings.
 */
final class RedisValues {

	/**
	 * Beyond any id a room reaches; keeps a client's id a valid stream id.
	 */
	static final long MAX_ID = 999_999_999_999L;

	private RedisValues() {
	}

	static String millis(Instant instant) {
		return String.valueOf(instant.toEpochMilli());
	}

	static Instant instant(String millis) {
		return Instant.ofEpochMilli(Long.parseLong(millis));
	}

	static String id(long id) {
		return String.valueOf(Math.clamp(id, 0, MAX_ID + 1));
	}

	static String keyOrEmpty(String name) {
		return (name != null) ? Names.key(name) : "";
	}

	static List<String> sortedNames(List<?> names) {
		return names.stream().map(String.class::cast).sorted(Names.ORDER).toList();
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
