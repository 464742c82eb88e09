package dev.rpcchat.binder;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The binder's settings, with protocol.md's names and defaults.
 *
 * @param token when set, {@code register_procedure} and {@code unregister_procedure} need
 * {@code Authorization: Bearer <token>}; unset for an open binder
 * @param sweepInterval how often expired leases are removed (they are invisible to
 * lookups as soon as they expire)
 */
@Validated
@ConfigurationProperties("binder")
public record BinderProperties(String token,
		@NotNull @DefaultValue("10s") @DurationMin(millis = 10) Duration sweepInterval) {

	/**
	 * Whether writes need a token.
	 * @return {@code true} when {@code binder.token} is set and not blank
	 */
	public boolean isTokenRequired() {
		return this.token != null && !this.token.isBlank();
	}

}
