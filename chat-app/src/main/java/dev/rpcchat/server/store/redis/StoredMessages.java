package dev.rpcchat.server.store.redis;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.rpcchat.api.Message;
import dev.rpcchat.api.MessageType;

/**
 * Reads the messages as the store's scripts write them (one JSON object each, in the log
 * and on the channel).
 */
final class StoredMessages {

	private static final JsonMapper json = JsonMapper.builder().build();

	private StoredMessages() {
	}

	static Message decode(String encoded) {
		JsonNode node = json.readTree(encoded);
		return new Message(node.get("id").asLong(), node.get("room").asString(), type(node.get("type").asString()),
				text(node, "sender"), text(node, "recipient"), node.get("content").asString(),
				Instant.ofEpochMilli(Long.parseLong(node.get("ts").asString())));
	}

	static List<Message> decodeAll(List<?> encoded) {
		return encoded.stream().map(String.class::cast).map(StoredMessages::decode).toList();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static MessageType type(String type) {
		return switch (type) {
			case "broadcast" -> MessageType.BROADCAST;
			case "unicast" -> MessageType.UNICAST;
			case "system" -> MessageType.SYSTEM;
			default -> throw new IllegalStateException("Unknown message type " + type);
		};
	}

}
