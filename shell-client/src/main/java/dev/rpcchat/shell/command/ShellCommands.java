package dev.rpcchat.shell.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.rpcchat.shell.console.Screen;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jspecify.annotations.Nullable;

import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/**
 * {@code help} and {@code quit}. Help is the shell's own: Spring Shell 4.0.1's shows no
 * positional arguments, runs options together ({@code --to String--room String}) and puts
 * aliases on the synopsis line; this one shows each command's {@link CommandSignature}.
 */
@Component
public class ShellCommands {

	/** The command that ends the shell; the shell's loop acts on it. */
	public static final String QUIT = "quit";

	private static final List<String> GROUPS = List.of(RoomCommands.GROUP, MessageCommands.GROUP, "You",
			CommandSignatures.SHELL_GROUP);

	private final CommandSignatures signatures;

	private final Screen screen;

	ShellCommands(CommandSignatures signatures, Screen screen) {
		this.signatures = signatures;
		this.screen = screen;
	}

	@Command(name = "help", group = CommandSignatures.SHELL_GROUP,
			description = "List the commands, or show how to write one and what it takes.")
	public String help(@Argument(index = 0, description = "a command, such as send") @Nullable String command) {
		if (command == null || command.isBlank()) {
			return this.screen.format(overview().toAttributedString());
		}
		CommandSignature signature = this.signatures.find(command)
			.orElseThrow(() -> new CommandNotFoundException(command));
		return this.screen.format(details(signature).toAttributedString());
	}

	@Command(name = QUIT, alias = "exit", group = CommandSignatures.SHELL_GROUP,
			description = "Sign out (you leave every room and your name is free again) and close the shell; "
					+ "Ctrl-D does the same.")
	public void quit() {
		// The shell's loop ends when it reads this command.
	}

	private AttributedStringBuilder overview() {
		AttributedStringBuilder out = new AttributedStringBuilder();
		List<CommandSignature> all = new ArrayList<>(this.signatures.all());
		all.sort(Comparator.comparingInt((CommandSignature signature) -> groupOrder(signature.group())));
		String group = null;
		for (CommandSignature signature : all) {
			if (!signature.group().equals(group)) {
				group = signature.group();
				out.styled(AttributedStyle.BOLD, group).append("\n");
			}
			out.append("  ").styled(AttributedStyle.BOLD, signature.usage()).append("\n");
			out.append("      ").append(sentence(signature.description())).append("\n");
		}
		return out.append("Type `help COMMAND` for what a command takes, for example `help send`.");
	}

	private static AttributedStringBuilder details(CommandSignature signature) {
		AttributedStringBuilder out = new AttributedStringBuilder();
		out.styled(AttributedStyle.BOLD, signature.usage());
		if (!signature.aliases().isEmpty()) {
			out.append("   (also: " + String.join(", ", signature.aliases()) + ")");
		}
		out.append("\n  ").append(sentence(signature.description()));
		List<String[]> rows = new ArrayList<>();
		signature.arguments()
			.forEach((argument) -> rows.add(new String[] { argument.syntax(),
					argument.description() + (argument.required() ? "" : " (optional)") }));
		signature.options().forEach((option) -> rows.add(new String[] { option.syntax(), option.description() }));
		if (!signature.options().isEmpty() && signature.variadic()) {
			rows.add(new String[] { "--",
					"ends the options: every word after it is part of " + signature.arguments().getLast().syntax() });
		}
		if (!rows.isEmpty()) {
			out.append("\n");
			int width = rows.stream().mapToInt((row) -> row[0].length()).max().orElse(0);
			rows.forEach((row) -> out.append("\n  ").append(String.format("%-" + width + "s   %s", row[0], row[1])));
		}
		return out;
	}

	private static String sentence(String description) {
		return description.endsWith(".") ? description : description + ".";
	}

	private static int groupOrder(String group) {
		int index = GROUPS.indexOf(group);
		return (index < 0) ? GROUPS.size() : index;
	}

}
