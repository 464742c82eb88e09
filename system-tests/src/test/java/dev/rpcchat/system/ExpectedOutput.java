package dev.rpcchat.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Compares what a document says a command prints with what it printed, ignoring what
 * changes from run to run, both sides alike:
 * <ul>
 * <li>JSON (a single line starting with {@code {} or {@code [}) is compared as a tree:
 * tokens ({@code "token"}), timestamps (any ISO-8601 instant), ports ({@code "port"}) and
 * ids ({@code "id"} of anything but a JSON-RPC envelope, {@code "last_id"}) stand for any
 * value; a last element {@code ...} of an array stands for any further elements, and a
 * last member {@code ...} of an object for any further members;</li>
 * <li>other text: each documented line must appear, in order, among the lines printed,
 * with {@code HOST:PORT} and {@code #ID} standing for any port and id.</li>
 * </ul>
 */
final class ExpectedOutput {

	private static final ObjectMapper mapper = new ObjectMapper();

	private static final String MORE = "\u2026more";

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

	private static final Pattern HOST_PORT = Pattern.compile("(localhost|127\\.0\\.0\\.1):\\d+");

	private static final Pattern HASH_ID = Pattern.compile("#\\d+");

	private ExpectedOutput() {
	}

	/**
	 * Compares.
	 * @param expected the lines the document shows
	 * @param printed what the command printed
	 * @return why they differ, or nothing when they match
	 */
	static Optional<String> mismatch(List<String> expected, String printed) {
		if (expected.size() == 1 && (expected.get(0).startsWith("{") || expected.get(0).startsWith("["))) {
			return jsonMismatch(expected.get(0), printed);
		}
		return textMismatch(expected, printed);
	}

	private static Optional<String> jsonMismatch(String expectedText, String printed) {
		JsonNode expected;
		try {
			expected = normalize(mapper.readTree(withEllipses(expectedText)));
		}
		catch (Exception ex) {
			return Optional.of("The documented output is not JSON (" + ex.getMessage() + "): " + expectedText);
		}
		JsonNode actual;
		try {
			actual = normalize(mapper.readTree(printed));
		}
		catch (Exception ex) {
			return Optional.of("It printed no JSON: " + printed);
		}
		List<String> differences = new ArrayList<>();
		compare("$", expected, actual, differences);
		if (differences.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(String.join("\n", differences) + "\ndocumented (normalized): " + expected
				+ "\nprinted (normalized):    " + actual);
	}

	/**
	 * Turns the document's {@code ...} into JSON the matcher recognizes.
	 */
	static String withEllipses(String text) {
		return text.replaceAll("\\[\\s*\\.\\.\\.\\s*]", "[\"" + MORE + "\"]")
			.replaceAll(",\\s*\\.\\.\\.\\s*]", ",\"" + MORE + "\"]")
			.replaceAll("\\{\\s*\\.\\.\\.\\s*}", "{\"" + MORE + "\":true}")
			.replaceAll(",\\s*\\.\\.\\.\\s*}", ",\"" + MORE + "\":true}");
	}

	private static JsonNode normalize(JsonNode node) {
		if (node.isObject()) {
			boolean envelope = node.has("jsonrpc");
			ObjectNode copy = mapper.createObjectNode();
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				copy.set(field.getKey(), normalize(field.getKey(), field.getValue(), envelope));
			}
			return copy;
		}
		if (node.isArray()) {
			var copy = mapper.createArrayNode();
			node.forEach((element) -> copy.add(normalize(element)));
			return copy;
		}
		if (node.isTextual() && TIMESTAMP.matcher(node.asText()).matches()) {
			return TextNode.valueOf("TIMESTAMP");
		}
		return node;
	}

	private static JsonNode normalize(String name, JsonNode value, boolean inEnvelope) {
		boolean replaced = switch (name) {
			case "token" -> value.isTextual();
			case "port", "last_id" -> value.isNumber();
			case "id" -> !inEnvelope && value.isNumber();
			default -> false;
		};
		if (replaced) {
			return name.equals("token") ? TextNode.valueOf("TOKEN") : IntNode.valueOf(0);
		}
		return normalize(value);
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
		if (expected.isObject() && actual.isObject()) {
			boolean more = expected.has(MORE);
			for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getKey().equals(MORE)) {
					continue;
				}
				if (!actual.has(field.getKey())) {
					differences.add(path + "." + field.getKey() + ": documented, but not printed");
				}
				else {
					compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), differences);
				}
			}
			if (!more) {
				actual.fieldNames().forEachRemaining((name) -> {
					if (!expected.has(name)) {
						differences.add(path + "." + name + ": printed, but not documented");
					}
				});
			}
			return;
		}
		if (expected.isArray() && actual.isArray()) {
			int shown = expected.size();
			boolean more = shown > 0 && expected.get(shown - 1).asText().equals(MORE);
			if (more) {
				shown--;
			}
			if (more ? actual.size() < shown : actual.size() != shown) {
				differences.add(path + ": " + (more ? "at least " : "") + shown + " elements documented, "
						+ actual.size() + " printed");
				return;
			}
			for (int i = 0; i < shown; i++) {
				compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
			}
			return;
		}
		if (!expected.equals(actual)) {
			differences.add(path + ": documented " + expected + ", printed " + actual);
		}
	}

	private static Optional<String> textMismatch(List<String> expected, String printed) {
		List<String> lines = printed.lines().map(ExpectedOutput::normalizeText).toList();
		int next = 0;
		for (String line : expected) {
			String wanted = normalizeText(line);
			int found = lines.subList(next, lines.size()).indexOf(wanted);
			if (found < 0) {
				return Optional
					.of("The documented line '" + line + "' is not among the lines printed (in order):\n" + printed);
			}
			next += found + 1;
		}
		return Optional.empty();
	}

	private static String normalizeText(String line) {
		String text = HOST_PORT.matcher(line.strip()).replaceAll("$1:PORT");
		return HASH_ID.matcher(text).replaceAll("#ID");
	}

}
