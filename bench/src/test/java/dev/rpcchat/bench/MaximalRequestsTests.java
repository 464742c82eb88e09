package dev.rpcchat.bench;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaximalRequestsTests {

	@Test
	void theMaximalRequestIsABatchOfOneHundredJoinsInOneMebibyte() throws Exception {
		byte[] body = MaximalRequests.maximalBatch("bzz-mxh0", "bench-zz-heavy-0");
		assertThat(body.length).isLessThanOrEqualTo(1024 * 1024).isGreaterThan(1024 * 1024 - 100);
		JsonNode batch = new ObjectMapper().readTree(body);
		assertThat(batch).hasSize(100);
		Set<String> ids = new HashSet<>();
		for (JsonNode call : batch) {
			assertThat(call.get("method").asText()).isEqualTo("join_room");
			assertThat(call.at("/params/username").asText()).isEqualTo("bzz-mxh0");
			assertThat(call.at("/params/room_name").asText()).isEqualTo("bench-zz-heavy-0");
			ids.add(call.get("id").asText());
		}
		assertThat(ids).hasSize(100);
	}

}
