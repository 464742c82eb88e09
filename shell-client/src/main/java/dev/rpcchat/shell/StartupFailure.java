package dev.rpcchat.shell;

import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Why the shell could not start, in one sentence: a bad setting names itself and says
 * what it must be, where Spring Boot would print a report of twenty lines or a trace.
 */
final class StartupFailure {

	private StartupFailure() {
	}

	/**
	 * One sentence for a failure to start.
	 * @param failure what {@code SpringApplication.run} threw
	 * @return the sentence
	 */
	static String sentence(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				return badSetting(bind);
			}
		}
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String detail = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return "The shell could not start: " + detail;
	}

	private static String badSetting(BindException bind) {
		if (bind.getCause() instanceof BindValidationException validation) {
			ValidationErrors errors = validation.getValidationErrors();
			ObjectError error = errors.getAllErrors().getFirst();
			if (error instanceof FieldError field) {
				String name = errors.getName() + "." + DataObjectPropertyName.toDashedForm(field.getField());
				Object value = errors.getBoundProperties()
					.stream()
					.filter((property) -> property.getName().toString().equals(name))
					.map(ConfigurationProperty::getValue)
					.findFirst()
					.orElse(field.getRejectedValue());
				return "The setting " + name + "=" + value + " is not valid: it " + field.getDefaultMessage() + ".";
			}
			return "The settings under " + errors.getName() + " are not valid: " + error.getDefaultMessage() + ".";
		}
		if (bind.getCause() instanceof UnboundConfigurationPropertiesException unknown) {
			String names = unknown.getUnboundProperties()
				.stream()
				.map((property) -> property.getName().toString())
				.sorted()
				.collect(Collectors.joining(", "));
			return "The shell has no setting " + names + "; its " + bind.getName()
					+ ".* settings are username, request-timeout, poll-wait and heartbeat-interval.";
		}
		ConfigurationProperty property = bind.getProperty();
		String name = (property != null) ? property.getName().toString() : bind.getName().toString();
		String value = (property != null) ? "=" + property.getValue() : "";
		return "The setting " + name + value + " is not valid: it cannot be read as a "
				+ bind.getTarget().getType().resolve(Object.class).getSimpleName() + ".";
	}

}
