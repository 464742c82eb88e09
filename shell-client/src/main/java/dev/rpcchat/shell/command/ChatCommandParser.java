package dev.rpcchat.shell.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.rpcchat.shell.console.UsageException;
import dev.rpcchat.shell.console.UsageException.Problem;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * Reads a command line, holding it to the command's signature: every word is accounted
 * for. Spring Shell 4.0.1's parser takes any word that starts with {@code -} as an option
 * ({@code send -1 is a number} sends "a number"), accepts options no command has and
 * drops words no parameter takes ({@code create-room bad name} creates {@code #bad});
 * this one refuses both with a sentence.
 * <ul>
 * <li>Words are separated by spaces; {@code "double quotes"} make one word of several,
 * and a quoted word is never an option. A lone apostrophe is part of its word.</li>
 * <li>An option is a word of the form {@code --name}, {@code --name VALUE} or
 * {@code --name=VALUE}, anywhere on the line; any other word, {@code -1} or {@code -} or
 * {@code ---} included, is an argument. After {@code --} every word is an argument.</li>
 * <li>{@code --help} anywhere shows the command's help instead of running it.</li>
 * </ul>
 */
@Component
class ChatCommandParser implements CommandParser {

	private static final String HELP = "help";

	private final CommandSignatures signatures;

	ChatCommandParser(CommandSignatures signatures) {
		this.signatures = signatures;
	}

	@Override
	public ParsedInput parse(String input) {
		List<Word> words = Word.split(input);
		if (words.isEmpty()) {
			throw new UsageException(Problem.EMPTY_LINE);
		}
		String name = words.getFirst().text();
		CommandSignature signature = this.signatures.find(name).orElseThrow(() -> new CommandNotFoundException(name));
		List<String> arguments = new ArrayList<>();
		List<CommandOption> options = new ArrayList<>();
		Set<String> given = new HashSet<>();
		boolean optionsEnded = false;
		for (int i = 1; i < words.size(); i++) {
			Word word = words.get(i);
			if (!optionsEnded && word.is("--")) {
				optionsEnded = true;
			}
			else if (!optionsEnded && word.isOption()) {
				String optionName = word.optionName();
				if (optionName.equals(HELP)) {
					return help(signature.name());
				}
				CommandSignature.Flag flag = signature.option(optionName)
					.orElseThrow(() -> usage(Problem.UNKNOWN_OPTION, signature, "--" + optionName));
				if (!given.add(optionName)) {
					throw usage(Problem.OPTION_TWICE, signature, "--" + optionName);
				}
				String value;
				if (flag.isSwitch()) {
					if (word.optionValue() != null) {
						throw usage(Problem.OPTION_TAKES_NO_VALUE, signature, "--" + optionName);
					}
					value = "true";
				}
				else if (word.optionValue() != null) {
					value = word.optionValue();
				}
				else if (i + 1 < words.size() && !words.get(i + 1).isOption() && !words.get(i + 1).is("--")) {
					value = words.get(++i).text();
				}
				else {
					throw usage(Problem.OPTION_NEEDS_VALUE, signature, "--" + optionName);
				}
				options.add(CommandOption.with().longName(optionName).value(value).build());
			}
			else {
				arguments.add(word.text());
			}
		}
		check(signature, arguments);
		ParsedInput.Builder parsed = ParsedInput.builder().commandName(signature.name());
		options.forEach(parsed::addOption);
		for (int i = 0; i < arguments.size(); i++) {
			parsed.addArgument(new CommandArgument(i, arguments.get(i)));
		}
		return parsed.build();
	}

	private void check(CommandSignature signature, List<String> arguments) {
		int allowed = signature.arguments().size();
		if (!signature.variadic() && arguments.size() > allowed) {
			throw usage(Problem.EXTRA_WORDS, signature, String.join(" ", arguments.subList(allowed, arguments.size())));
		}
		if (arguments.size() < signature.requiredArguments()) {
			CommandSignature.Positional missing = signature.arguments()
				.stream()
				.filter(CommandSignature.Positional::required)
				.toList()
				.get(arguments.size());
			throw usage(Problem.MISSING_ARGUMENT, signature, missing.syntax());
		}
	}

	private static ParsedInput help(String command) {
		return ParsedInput.builder().commandName(HELP).addArgument(new CommandArgument(0, command)).build();
	}

	private static UsageException usage(Problem problem, CommandSignature signature, String word) {
		return new UsageException(problem, signature.name(), word, signature.usage());
	}

	/**
	 * One word of a command line.
	 *
	 * @param text the word, without its quotes
	 * @param quoted whether any of it was quoted, which makes it an argument whatever it
	 * says
	 */
	record Word(String text, boolean quoted) {

		boolean is(String exactly) {
			return !this.quoted && this.text.equals(exactly);
		}

		/**
		 * Whether this is an option: {@code --} followed by a letter.
		 */
		boolean isOption() {
			return !this.quoted && this.text.length() > 2 && this.text.startsWith("--")
					&& Character.isLetter(this.text.charAt(2));
		}

		String optionName() {
			int equals = this.text.indexOf('=');
			return this.text.substring(2, (equals < 0) ? this.text.length() : equals);
		}

		String optionValue() {
			int equals = this.text.indexOf('=');
			return (equals < 0) ? null : this.text.substring(equals + 1);
		}

		/**
		 * Splits a line into words at spaces outside double quotes; {@code \"} and
		 * {@code \\} inside quotes stand for themselves.
		 */
		static List<Word> split(String line) {
			List<Word> words = new ArrayList<>();
			StringBuilder current = null;
			boolean quoted = false;
			boolean inQuotes = false;
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (inQuotes) {
					if (c == '\\' && i + 1 < line.length()
							&& (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
						current.append(line.charAt(++i));
					}
					else if (c == '"') {
						inQuotes = false;
					}
					else {
						current.append(c);
					}
				}
				else if (Character.isWhitespace(c)) {
					if (current != null) {
						words.add(new Word(current.toString(), quoted));
						current = null;
						quoted = false;
					}
				}
				else {
					if (current == null) {
						current = new StringBuilder();
					}
					if (c == '"') {
						inQuotes = true;
						quoted = true;
					}
					else {
						current.append(c);
					}
				}
			}
			if (inQuotes) {
				throw new UsageException(Problem.UNCLOSED_QUOTE);
			}
			if (current != null) {
				words.add(new Word(current.toString(), quoted));
			}
			return words;
		}

	}

}
