package dev.rpcchat.server.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The store's Lua scripts, each loaded once with the same prelude before it: the
 * {@link ScriptOutcome} constants and the functions the scripts share ({@code lib/*.lua}:
 * renewing a session, taking a token from a bucket, appending a message), because Redis
 * 6.2 has no library of functions. A script's first lines name its keys and arguments in
 * the order the Java side passes them.
 */
@SuppressWarnings("rawtypes")
final class RedisScripts {

	private static final List<String> LIBRARY = List.of("lib/session", "lib/token-bucket", "lib/append");

	private static final String PRELUDE = ScriptOutcome.luaConstants()
			+ String.join("\n", LIBRARY.stream().map(RedisScripts::source).toList()) + "\n";

	static final RedisScript<Long> CLAIM_USERNAME = script("claim-username", Long.class);

	static final RedisScript<List> TOUCH_SESSION = script("touch-session", List.class);

	static final RedisScript<Long> RELEASE_USERNAME = script("release-username", Long.class);

	static final RedisScript<List> CREATE_ROOM = script("create-room", List.class);

	static final RedisScript<List> MEMBERS = script("members", List.class);

	static final RedisScript<List> JOIN = script("join", List.class);

	static final RedisScript<List> LEAVE = script("leave", List.class);

	static final RedisScript<List> SEND = script("send", List.class);

	static final RedisScript<List> READ = script("read", List.class);

	static final RedisScript<List> PAGE = script("page", List.class);

	static final RedisScript<Long> REMOVE_ROOM_IF_IDLE = script("remove-room-if-idle", Long.class);

	private RedisScripts() {
	}

	@SuppressWarnings("unchecked")
	private static <T> RedisScript<T> script(String name, Class<?> resultType) {
		return RedisScript.of(PRELUDE + source(name), (Class) resultType);
	}

	private static String source(String name) {
		try {
			return new ClassPathResource(name + ".lua", RedisScripts.class).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
