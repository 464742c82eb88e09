package dev.rpcchat.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.rpcchat.test.RpcTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryIntegrationTests extends ChatServerIntegrationTestSupport {

	@Test
	void pagesFromTheNewestToTheOldestWithOnlyWhatTheCallerMaySee() {
		String ana = unique("ana");
		String bob = unique("bob");
		String cid = unique("cid");
		String room = unique("hist");
		String anaToken = this.rpc.register(ana);
		String bobToken = this.rpc.register(bob);
		String cidToken = this.rpc.register(cid);
		createRoom(anaToken, room);
		join(anaToken, ana, room);
		join(bobToken, bob, room);
		join(cidToken, cid, room);
		List<String> expected = new ArrayList<>(List.of(ana + " joined", bob + " joined", cid + " joined"));
		for (int i = 0; i < 60; i++) {
			send(anaToken, ana, room, "b" + i);
			expected.add("b" + i);
			sendTo(bobToken, bob, room, ana, "to ana " + i);
			expected.add("to ana " + i);
			sendTo(bobToken, bob, room, cid, "to cid " + i);
		}
		JsonNode newest = this.rpc.result(anaToken, "get_history", params("room_name", room.toUpperCase()));
		assertThat(newest.get("room_name").asText()).isEqualTo(room);
		assertThat(newest.get("messages")).hasSize(50);
		assertThat(newest.get("has_more").asBoolean()).isTrue();
		List<String> collected = new ArrayList<>(contents(newest.get("messages")));
		JsonNode page = newest;
		while (page.get("has_more").asBoolean()) {
			long oldest = page.get("messages").get(0).get("id").asLong();
			page = this.rpc.result(anaToken, "get_history", params("room_name", room, "before_id", oldest, "limit", 7));
			assertThat(page.get("messages").size()).isLessThanOrEqualTo(7);
			collected.addAll(0, contents(page.get("messages")));
		}
		assertThat(collected).containsExactlyElementsOf(expected);
		assertThat(contents(
				this.rpc.result(anaToken, "get_history", params("room_name", room, "limit", 1)).get("messages")))
			.containsExactly("to ana 59");
	}

	@Test
	void needsATokenAMemberAValidLimitAndARoom() {
		String ana = unique("ana");
		String room = unique("hist");
		String token = this.rpc.register(ana);
		createRoom(token, room);
		assertThat(this.rpc.errorCode(null, "get_history", params("room_name", room))).isEqualTo(1008);
		assertThat(this.rpc.errorCode(token, "get_history", params("room_name", room))).isEqualTo(1005);
		assertThat(this.rpc.errorCode(token, "get_history", params("room_name", unique("none")))).isEqualTo(1004);
		assertThat(this.rpc.errorCode(token, "get_history", params("room_name", "no way"))).isEqualTo(1002);
		join(token, ana, room);
		assertThat(this.rpc.errorCode(token, "get_history", params("room_name", room, "limit", 0))).isEqualTo(-32602);
		assertThat(this.rpc.errorCode(null, "get_history", params("room_name", room, "limit", 101))).isEqualTo(-32602);
		JsonNode empty = this.rpc.result(token, "get_history", params("room_name", room.toUpperCase(), "before_id", 1));
		assertThat(empty.get("room_name").asText()).isEqualTo(room);
		assertThat(empty.get("messages")).isEmpty();
		assertThat(empty.get("has_more").asBoolean()).isFalse();
	}

}
