package dev.rpcchat.shell;

import java.util.ArrayList;
import java.util.List;

import dev.rpcchat.shell.console.UsageException;
import dev.rpcchat.shell.console.UsageException.Problem;

/**
 * The commands in the program's arguments. Each argument that does not start with
 * {@code --} is one command line, or several separated by {@code ;}; an argument that
 * starts with {@code --} is a setting, written {@code --name=value}
 * ({@code --username=ana}, {@code --chat.binder.url=...}). Anything else that starts with
 * {@code --} is refused: it is a command's option that lost its quotes
 * ({@code 'join geral;' send --to bob hi}), and running the rest without it could turn a
 * private message into a public one.
 */
final class ScriptArguments {

	private ScriptArguments() {
	}

	/**
	 * The command lines in the program's arguments, in order.
	 * @param args the program's arguments as given
	 * @return the command lines, none for an interactive shell
	 * @throws UsageException for an argument that is neither a command nor a setting
	 */
	static List<String> commands(String... args) {
		List<String> commands = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("--help")) {
				commands.add("help");
			}
			else if (arg.startsWith("--")) {
				if (!isSetting(arg)) {
					throw new UsageException(Problem.NOT_A_SETTING, "", arg, "");
				}
			}
			else {
				for (String command : arg.split(";")) {
					if (!command.isBlank()) {
						commands.add(command.strip());
					}
				}
			}
		}
		return commands;
	}

	/**
	 * Whether an argument is a setting: {@code --username=...}, or a property, whose name
	 * always has a dot ({@code --chat.binder.url=...}, {@code --logging.level.root=...}).
	 */
	private static boolean isSetting(String arg) {
		int equals = arg.indexOf('=');
		if (equals < 0) {
			return false;
		}
		String name = arg.substring(2, equals);
		return name.equals("username") || (name.contains(".") && !name.startsWith(".") && !name.endsWith("."));
	}

}
