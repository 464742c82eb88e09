package dev.rpcchat.server.binder;

import java.time.temporal.ChronoUnit;

import dev.rpcchat.server.binder.BinderRegistrar.RegistrationState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows whether this server's procedures are registered with the binder: the
 * {@code binderRegistration} component of {@code /actuator/health}, and the
 * {@code binder} group when
 * {@code management.endpoint.health.group.binder.include=binderRegistration} is set. It
 * is not part of the liveness or readiness groups: a chat server the binder cannot list
 * still serves its clients.
 */
class BinderHealthIndicator implements HealthIndicator {

	private final BinderRegistrar registrar;

	BinderHealthIndicator(BinderRegistrar registrar) {
		this.registrar = registrar;
	}

	@Override
	public Health health() {
		RegistrationState state = this.registrar.state();
		Health.Builder health = state.registered() ? Health.up() : Health.down();
		health.withDetail("binder", this.registrar.binderUrl())
			.withDetail("procedures", this.registrar.procedureNames().size())
			.withDetail("since", state.since().truncatedTo(ChronoUnit.MILLIS).toString());
		if (state.endpoint() != null) {
			health.withDetail("scheme", state.endpoint().scheme())
				.withDetail("address", state.endpoint().address())
				.withDetail("port", state.endpoint().port());
		}
		if (state.error() != null) {
			health.withDetail("error", state.error());
		}
		return health.build();
	}

}
