package dev.rpcchat.shell.command;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * The signature of every command, read from the annotations of its method: Spring Shell
 * 4.0.1 keeps the options of a command but forgets its positional arguments, which the
 * parser needs to refuse extra words and {@code help} needs to show them. An argument
 * marked {@link Nullable} is optional; a parameter's name, in capitals, is its label.
 * Commands without a method (Spring Shell's {@code clear}) take nothing.
 */
@Component
class CommandSignatures {

	static final String SHELL_GROUP = "Shell";

	private final ApplicationContext context;

	private volatile Map<String, CommandSignature> signatures;

	CommandSignatures(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * The signature of a command, by name or alias.
	 * @param name the name as typed
	 * @return its signature, if such a command exists
	 */
	Optional<CommandSignature> find(String name) {
		Map<String, CommandSignature> all = signatures();
		CommandSignature signature = all.get(name);
		if (signature != null) {
			return Optional.of(signature);
		}
		return all.values().stream().filter((candidate) -> candidate.aliases().contains(name)).findFirst();
	}

	/**
	 * Every command, sorted by name.
	 * @return the signatures
	 */
	List<CommandSignature> all() {
		return signatures().values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
	}

	private Map<String, CommandSignature> signatures() {
		Map<String, CommandSignature> known = this.signatures;
		if (known == null) {
			known = read();
			this.signatures = known;
		}
		return known;
	}

	private Map<String, CommandSignature> read() {
		Map<String, CommandSignature> read = new LinkedHashMap<>();
		for (String beanName : this.context.getBeanNamesForAnnotation(Component.class)) {
			Class<?> type = this.context.getType(beanName);
			if (type == null) {
				continue;
			}
			Class<?> userType = AopUtils.isAopProxy(type) ? AopUtils.getTargetClass(type) : type;
			MethodIntrospector
				.selectMethods(userType,
						(Method method) -> AnnotatedElementUtils.hasAnnotation(method, Command.class) ? method : null)
				.keySet()
				.forEach((method) -> {
					CommandSignature signature = signature(method);
					read.put(signature.name(), signature);
				});
		}
		this.context.getBean(CommandRegistry.class)
			.getCommands()
			.stream()
			.filter((command) -> !command.isHidden() && !read.containsKey(command.getName()))
			.forEach((command) -> read.put(command.getName(),
					CommandSignature.bare(command.getName(), SHELL_GROUP, command.getDescription())));
		return read;
	}

	private static CommandSignature signature(Method method) {
		Command command = AnnotatedElementUtils.findMergedAnnotation(method, Command.class);
		List<CommandSignature.Positional> arguments = new ArrayList<>();
		List<CommandSignature.Flag> options = new ArrayList<>();
		for (Parameter parameter : method.getParameters()) {
			Option option = parameter.getAnnotation(Option.class);
			Argument argument = parameter.getAnnotation(Argument.class);
			if (option != null) {
				String name = option.longName().isEmpty() ? parameter.getName() : option.longName();
				boolean isSwitch = parameter.getType() == boolean.class || parameter.getType() == Boolean.class;
				options.add(new CommandSignature.Flag(name, isSwitch ? null : parameter.getName().toUpperCase(),
						option.description()));
			}
			else if (argument != null) {
				arguments.add(new CommandSignature.Positional(parameter.getName(), argument.description(),
						!parameter.getAnnotatedType().isAnnotationPresent(Nullable.class), false));
			}
			else if (parameter.isAnnotationPresent(Arguments.class)) {
				ArgumentsHelp help = parameter.getAnnotation(ArgumentsHelp.class);
				arguments.add(new CommandSignature.Positional(parameter.getName(), (help != null) ? help.value() : "",
						true, true));
			}
		}
		String group = command.group().isEmpty() ? SHELL_GROUP : command.group();
		return new CommandSignature(String.join(" ", command.name()), Arrays.asList(command.alias()), group,
				command.description(), arguments, options);
	}

}
