package dev.rpcchat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of a Markdown document, in the order they run, read by the rules written
 * at the top of {@code docs/protocol.md}:
 * <ul>
 * <li>every fenced {@code bash} block runs, unless the line before its fence is
 * {@code <!-- not run: why -->};</li>
 * <li>in a block, a command is a line with the lines it continues with a trailing
 * {@code \}; the comment lines ({@code # ...}) right under a command are what it prints,
 * and comment lines anywhere else (after a blank line, at the top) are notes;</li>
 * <li>a fenced block whose fence is preceded by {@code <!-- file: NAME -->} is written to
 * the file {@code NAME} before the blocks after it run.</li>
 * </ul>
 */
final class DocExamples {

	private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

	private static final Pattern NOT_RUN = Pattern.compile("^<!-- not run: .+-->\\s*$");

	private static final Pattern FILE = Pattern.compile("^<!-- file: (\\S+) -->\\s*$");

	private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

	private DocExamples() {
	}

	/**
	 * Reads a document's steps.
	 * @param document the Markdown file
	 * @return its commands and files, in order
	 */
	static List<Step> read(Path document) {
		List<String> lines;
		try {
			lines = Files.readAllLines(document, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Step> steps = new ArrayList<>();
		String section = "";
		for (int i = 0; i < lines.size(); i++) {
			Matcher heading = HEADING.matcher(lines.get(i));
			if (heading.matches()) {
				section = heading.group(1);
				continue;
			}
			Matcher fence = FENCE.matcher(lines.get(i).strip());
			if (!fence.matches() || fence.group(1).isEmpty()) {
				continue;
			}
			String before = (i > 0) ? lines.get(i - 1).strip() : "";
			int end = closing(lines, i);
			List<String> body = unindent(lines, i, end);
			Matcher file = FILE.matcher(before);
			if (file.matches()) {
				steps.add(new FileStep(document.getFileName() + ":" + (i + 1), file.group(1),
						String.join("\n", body) + "\n"));
			}
			else if (fence.group(1).equals("bash") && !NOT_RUN.matcher(before).matches()) {
				steps.addAll(commands(document.getFileName().toString(), section, i + 2, body));
			}
			i = end;
		}
		return steps;
	}

	private static int closing(List<String> lines, int opening) {
		for (int j = opening + 1; j < lines.size(); j++) {
			if (lines.get(j).strip().equals("```")) {
				return j;
			}
		}
		throw new IllegalStateException("A fenced block opened at line " + (opening + 1) + " is never closed");
	}

	/**
	 * The block's lines without the indentation of its fence (a block in a list item).
	 */
	private static List<String> unindent(List<String> lines, int opening, int closing) {
		String fence = lines.get(opening);
		int indent = fence.length() - fence.stripLeading().length();
		List<String> body = new ArrayList<>();
		for (String line : lines.subList(opening + 1, closing)) {
			body.add(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line);
		}
		return body;
	}

	private static List<Command> commands(String document, String section, int firstLine, List<String> block) {
		List<Command> commands = new ArrayList<>();
		int i = 0;
		while (i < block.size()) {
			String line = block.get(i);
			if (line.isBlank() || line.startsWith("#")) {
				i++;
				continue;
			}
			int start = i;
			StringBuilder command = new StringBuilder(line);
			while (line.endsWith("\\") && i + 1 < block.size()) {
				line = block.get(++i);
				command.append('\n').append(line);
			}
			i++;
			List<String> expected = new ArrayList<>();
			while (i < block.size() && (block.get(i).startsWith("# ") || block.get(i).equals("#"))) {
				expected.add(block.get(i).equals("#") ? "" : block.get(i).substring(2));
				i++;
			}
			commands.add(new Command(document + ":" + (firstLine + start), section, command.toString(), expected));
		}
		return commands;
	}

	/**
	 * One step of a document.
	 */
	sealed interface Step permits Command, FileStep {

		/**
		 * Where it is.
		 * @return the document's name and the line
		 */
		String where();

	}

	/**
	 * A command and what the document says it prints.
	 *
	 * @param where the document and line
	 * @param section the heading it is under
	 * @param text the command, continuation lines included
	 * @param expected the lines it prints, empty when it prints nothing
	 */
	record Command(String where, String section, String text, List<String> expected) implements Step {

		Command {
			expected = List.copyOf(expected);
		}

	}

	/**
	 * A file the examples after it use.
	 *
	 * @param where the document and line
	 * @param name its name
	 * @param content its text
	 */
	record FileStep(String where, String name, String content) implements Step {

	}

}
