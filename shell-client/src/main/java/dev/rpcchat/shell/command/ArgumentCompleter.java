package dev.rpcchat.shell.command;

import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Completes arguments and option values with the command's completion provider once the
 * command is typed. Spring Shell 4.0.1's completer looks the command up by every word
 * typed so far, so it finds none as soon as an argument has begun ({@code join ge}).
 */
class ArgumentCompleter extends CommandCompleter {

	private final CommandRegistry registry;

	ArgumentCompleter(CommandRegistry registry) {
		super(registry);
		this.registry = registry;
	}

	@Override
	public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
		List<String> words = line.words();
		Command command = (line.wordIndex() > 0) ? this.registry.getCommandByName(words.get(0)) : null;
		if (command == null || line.word().startsWith("-")) {
			super.complete(reader, line, candidates);
			return;
		}
		CompletionContext context = new CompletionContext(words, line.wordIndex(), line.wordCursor(), command,
				optionBefore(command, words, line.wordIndex()));
		for (CompletionProposal proposal : command.getCompletionProvider().apply(context)) {
			candidates.add(new Candidate(proposal.value(), proposal.displayText(), proposal.category(),
					proposal.description(), null, null, proposal.complete()));
		}
	}

	private static CommandOption optionBefore(Command command, List<String> words, int wordIndex) {
		String previous = words.get(wordIndex - 1);
		return command.getOptions()
			.stream()
			.filter((option) -> previous.equals("--" + option.longName()))
			.findFirst()
			.orElse(null);
	}

}
