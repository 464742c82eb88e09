package dev.rpcchat.server;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Says in one sentence per property what is wrong with the {@code chat.*} settings that
 * stopped the start, naming each property as it is written
 * ({@code chat.messages.max-length}, not {@code maxLength}), instead of a trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChatPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!cause.getName().toString().startsWith("chat")) {
			return null;
		}
		List<String> problems = problems(cause);
		return new FailureAnalysis(
				"The chat settings are not valid:\n"
						+ problems.stream().map((line) -> "    " + line + "\n").collect(Collectors.joining()),
				"Correct or remove these settings (see the configuration table in README.md).", cause);
	}

	private static List<String> problems(BindException cause) {
		if (cause.getCause() instanceof BindValidationException validation) {
			return validation.getValidationErrors()
				.getAllErrors()
				.stream()
				.map(ChatPropertiesFailureAnalyzer::line)
				.toList();
		}
		if (cause.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
			return unbound.getUnboundProperties()
				.stream()
				.map(ConfigurationProperty::getName)
				.map((name) -> name + ": there is no such setting")
				.sorted()
				.toList();
		}
		ConfigurationProperty property = cause.getProperty();
		String value = (property != null) ? String.valueOf(property.getValue()) : "?";
		return List.of(cause.getName() + ": '" + value + "' is not a valid " + typeName(cause));
	}

	private static String line(ObjectError error) {
		if (error instanceof FieldError field) {
			return "chat." + kebab(field.getField()) + ": " + error.getDefaultMessage() + " (was '"
					+ field.getRejectedValue() + "')";
		}
		return "chat: " + error.getDefaultMessage();
	}

	private static String typeName(BindException cause) {
		String type = cause.getTarget().getType().toString();
		if (type.endsWith("Duration")) {
			return "duration (such as 30s, 5m or 500ms)";
		}
		return type.substring(type.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
	}

	static String kebab(String path) {
		Matcher matcher = CAMEL_HUMP.matcher(path);
		return matcher.replaceAll("$1-$2").toLowerCase(Locale.ROOT);
	}

}
