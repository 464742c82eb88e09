package dev.rpcchat.rpc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds unpaired UTF-16 surrogates: valid in a JSON string ({@code "\ud800"}) and in a
 * Java {@code String}, but not Unicode text, so that no answer or store could write them
 * back out (a UTF-8 writer refuses them).
 */
final class Surrogates {

	private Surrogates() {
	}

	/**
	 * Tells whether a text has a surrogate that is not half of a pair.
	 * @param text the text
	 * @return whether it has one
	 */
	static boolean unpairedIn(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				if (!Character.isHighSurrogate(c) || i + 1 == text.length()
						|| !Character.isLowSurrogate(text.charAt(i + 1))) {
					return true;
				}
				i++;
			}
		}
		return false;
	}

	/**
	 * Tells whether any string of a JSON value, at any depth, has one: string values and
	 * member names alike.
	 * @param value the value
	 * @return whether one of its strings has one
	 */
	static boolean unpairedIn(JsonNode value) {
		if (value.isTextual()) {
			return unpairedIn(value.textValue());
		}
		if (!value.isContainerNode()) {
			return false;
		}
		Deque<JsonNode> pending = new ArrayDeque<>();
		pending.push(value);
		while (!pending.isEmpty()) {
			JsonNode node = pending.pop();
			if (node.isTextual()) {
				if (unpairedIn(node.textValue())) {
					return true;
				}
			}
			else if (node.isObject()) {
				Iterator<Map.Entry<String, JsonNode>> members = node.fields();
				while (members.hasNext()) {
					Map.Entry<String, JsonNode> member = members.next();
					if (unpairedIn(member.getKey())) {
						return true;
					}
					pending.push(member.getValue());
				}
			}
			else if (node.isArray()) {
				node.forEach(pending::push);
			}
		}
		return false;
	}

}
