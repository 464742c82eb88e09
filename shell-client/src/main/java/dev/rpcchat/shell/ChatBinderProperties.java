package dev.rpcchat.shell;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the binder answers: {@code chat.binder.url} ({@code CHAT_BINDER_URL}), a name the
 * protocol gives to every client and chat server alike.
 *
 * @param url the binder's JSON-RPC endpoint
 */
@ConfigurationProperties("chat.binder")
@Validated
public record ChatBinderProperties(@DefaultValue("http://localhost:5000/rpc") @NotNull @HttpUrl URI url) {

	/**
	 * An {@code http} or {@code https} URL with a host: what the shell can call.
	 */
	@Documented
	@Constraint(validatedBy = HttpUrlValidator.class)
	@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
	@Retention(RetentionPolicy.RUNTIME)
	@interface HttpUrl {

		String message() default "must be an http:// or https:// URL with a host, such as http://localhost:5000/rpc";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	static class HttpUrlValidator implements ConstraintValidator<HttpUrl, URI> {

		@Override
		public boolean isValid(URI url, ConstraintValidatorContext context) {
			if (url == null) {
				return true;
			}
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
		}

	}

}
