package dev.rpcchat.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a command takes, as its method declares it: the positional arguments and the
 * options. The parser holds a command line to it, and {@code help} shows it.
 *
 * @param name the command's name
 * @param aliases other names for it
 * @param group the heading {@code help} lists it under
 * @param description one sentence
 * @param arguments the positional arguments, in order; only the last may be variadic
 * @param options the options
 */
record CommandSignature(String name, List<String> aliases, String group, String description, List<Positional> arguments,
		List<Flag> options) {

	CommandSignature {
		aliases = List.copyOf(aliases);
		arguments = List.copyOf(arguments);
		options = List.copyOf(options);
	}

	/**
	 * A command that takes nothing: Spring Shell's built-ins.
	 * @param name its name
	 * @param group its heading
	 * @param description its description
	 * @return the signature
	 */
	static CommandSignature bare(String name, String group, String description) {
		return new CommandSignature(name, List.of(), group, description, List.of(), List.of());
	}

	Optional<Flag> option(String longName) {
		return this.options.stream().filter((option) -> option.longName().equals(longName)).findFirst();
	}

	int requiredArguments() {
		return (int) this.arguments.stream().filter(Positional::required).count();
	}

	boolean variadic() {
		return !this.arguments.isEmpty() && this.arguments.getLast().variadic();
	}

	/**
	 * How the command is written, such as
	 * {@code send [--to USER] [--room ROOM] [--] TEXT...}.
	 * @return the usage line
	 */
	String usage() {
		List<String> parts = new ArrayList<>();
		parts.add(this.name);
		this.options.forEach((option) -> parts.add("[" + option.syntax() + "]"));
		if (!this.options.isEmpty() && this.variadic()) {
			parts.add("[--]");
		}
		this.arguments
			.forEach((argument) -> parts.add(argument.required() ? argument.syntax() : "[" + argument.syntax() + "]"));
		return String.join(" ", parts);
	}

	/**
	 * A positional argument.
	 *
	 * @param label how help names it, such as {@code ROOM}
	 * @param description what it is
	 * @param required whether the command needs it
	 * @param variadic whether it takes every remaining word
	 */
	record Positional(String label, String description, boolean required, boolean variadic) {

		Positional {
			label = label.toUpperCase(Locale.ROOT);
		}

		String syntax() {
			return this.variadic ? this.label + "..." : this.label;
		}

	}

	/**
	 * An option, written {@code --name VALUE} or {@code --name=VALUE}, or {@code --name}
	 * alone for a switch.
	 *
	 * @param longName its name without the dashes
	 * @param valueLabel how help names its value, or {@code null} for a switch
	 * @param description what it does
	 */
	record Flag(String longName, String valueLabel, String description) {

		boolean isSwitch() {
			return this.valueLabel == null;
		}

		String syntax() {
			return "--" + this.longName + (isSwitch() ? "" : " " + this.valueLabel);
		}

	}

}
