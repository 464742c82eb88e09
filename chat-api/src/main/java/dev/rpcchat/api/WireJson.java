package dev.rpcchat.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson 2 {@link ObjectMapper} that servers and clients use for the wire: jsonrpc4j
 * speaks Jackson 2.
 */
public final class WireJson {

	private WireJson() {
	}

	/**
	 * Creates a mapper that writes the wire records as protocol.md shows them.
	 * @return a new mapper
	 */
	public static ObjectMapper newObjectMapper() {
		// Jackson's default keeps its buffers per thread, and every request runs on a
		// virtual thread of its own, so each request would allocate fresh ones. One pool
		// shared by all threads reuses them (see bench/RESULTS.md, fix 4).
		JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
		return JsonMapper.builder(factory)
			.addModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// Emoji and other characters past U+FFFF go out as UTF-8, not as escaped
			// surrogate pairs.
			.enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
			.build();
	}

}
