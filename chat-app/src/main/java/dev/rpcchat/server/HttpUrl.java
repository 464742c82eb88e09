package dev.rpcchat.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An absolute {@code http://} or {@code https://} URL with a host.
 */
@Documented
@Constraint(validatedBy = HttpUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@interface HttpUrl {

	String message() default "must be an absolute http:// or https:// URL, such as http://localhost:5000/rpc";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a {@link URI}; {@code null} is left to {@code @NotNull}.
	 */
	class Validator implements ConstraintValidator<HttpUrl, URI> {

		@Override
		public boolean isValid(URI value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			String scheme = value.getScheme();
			return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && value.getHost() != null;
		}

	}

}
