package dev.rpcchat.binder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/**
 * The binder's registry: the providers of each procedure, permanent or leased.
 * <p>
 * Each procedure name maps to an immutable list of its providers, replaced atomically by
 * {@link ConcurrentMap#compute}, so an endpoint is never held twice and no write is lost.
 * Expired leases are invisible to {@link #lookup} and {@link #list} from the moment they
 * expire; {@link RegistrationSweeper} later removes them.
 */
@Component
class ProcedureRegistry {

	private static final Comparator<Registration> ORDER = Comparator.comparing(Registration::procedureName)
		.thenComparing(Registration::address)
		.thenComparingInt(Registration::port);

	private final Clock clock;

	private final ConcurrentMap<String, Providers> providersByName = new ConcurrentHashMap<>();

	ProcedureRegistry(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Registers a provider, or renews it; the latest registration decides whether it is
	 * permanent or a lease, and its scheme.
	 * @param procedureName the procedure's wire name
	 * @param address the provider's address
	 * @param port the provider's port
	 * @param scheme {@code http} or {@code https}
	 * @param ttl the lease, or {@code null} for a permanent entry
	 * @return the registration as now held
	 */
	Registration register(String procedureName, String address, int port, String scheme, Duration ttl) {
		Instant expiresAt = (ttl != null) ? this.clock.instant().plus(ttl) : null;
		Registration registration = new Registration(procedureName, address, port, scheme, expiresAt);
		this.providersByName.compute(procedureName,
				(name, providers) -> (providers != null) ? providers.with(registration) : Providers.of(registration));
		return registration;
	}

	/**
	 * Removes a provider, live or expired.
	 * @param procedureName the procedure's wire name
	 * @param address the provider's address
	 * @param port the provider's port
	 * @return whether a live entry was removed; an expired lease counts as gone already
	 */
	boolean unregister(String procedureName, String address, int port) {
		Instant now = this.clock.instant();
		boolean[] removed = new boolean[1];
		this.providersByName.computeIfPresent(procedureName, (name, providers) -> {
			Predicate<Registration> match = (candidate) -> candidate.hasEndpoint(address, port);
			removed[0] = providers.registrations().stream().anyMatch(match.and((r) -> r.isLiveAt(now)));
			return providers.without(match).orNullWhenEmpty();
		});
		return removed[0];
	}

	/**
	 * Picks one live provider of a procedure, round-robin.
	 * @param procedureName the procedure's wire name
	 * @return the provider whose turn it is, or empty when none is live
	 */
	Optional<Registration> lookup(String procedureName) {
		Providers providers = this.providersByName.get(procedureName);
		if (providers == null) {
			return Optional.empty();
		}
		List<Registration> live = providers.liveAt(this.clock.instant());
		return live.isEmpty() ? Optional.empty() : Optional.of(providers.roundRobin().next(live));
	}

	/**
	 * Lists every live entry.
	 * @return the entries sorted by procedure name, address and port
	 */
	List<Registration> list() {
		Instant now = this.clock.instant();
		return this.providersByName.values()
			.stream()
			.flatMap((providers) -> providers.liveAt(now).stream())
			.sorted(ORDER)
			.toList();
	}

	/**
	 * Collects the leases that have expired.
	 * @param now the sweeper's idea of the present
	 * @return the expired registrations, as held now
	 */
	List<Registration> expired(Instant now) {
		return this.providersByName.values()
			.stream()
			.flatMap((providers) -> providers.registrations().stream())
			.filter((registration) -> !registration.isLiveAt(now))
			.toList();
	}

	/**
	 * Removes exactly this registration, unless it has been renewed or removed since it
	 * was collected.
	 * @param registration a registration returned by {@link #expired(Instant)}
	 * @return whether it was removed
	 */
	boolean remove(Registration registration) {
		boolean[] removed = new boolean[1];
		this.providersByName.computeIfPresent(registration.procedureName(), (name, providers) -> {
			Providers remaining = providers.without(registration::equals);
			removed[0] = remaining != providers;
			return remaining.orNullWhenEmpty();
		});
		return removed[0];
	}

	/**
	 * The providers of one procedure name, in registration order, and the turn of the
	 * next lookup.
	 */
	private record Providers(List<Registration> registrations, RoundRobin roundRobin) {

		static Providers of(Registration registration) {
			return new Providers(List.of(registration), new RoundRobin());
		}

		Providers with(Registration registration) {
			List<Registration> updated = new ArrayList<>(this.registrations);
			int index = indexOf(registration);
			if (index >= 0) {
				updated.set(index, registration);
			}
			else {
				updated.add(registration);
			}
			return new Providers(List.copyOf(updated), this.roundRobin);
		}

		Providers without(Predicate<Registration> match) {
			List<Registration> remaining = this.registrations.stream().filter(match.negate()).toList();
			return (remaining.size() != this.registrations.size()) ? new Providers(remaining, this.roundRobin) : this;
		}

		Providers orNullWhenEmpty() {
			return this.registrations.isEmpty() ? null : this;
		}

		List<Registration> liveAt(Instant now) {
			for (Registration registration : this.registrations) {
				if (!registration.isLiveAt(now)) {
					return this.registrations.stream().filter((candidate) -> candidate.isLiveAt(now)).toList();
				}
			}
			return this.registrations;
		}

		private int indexOf(Registration registration) {
			for (int i = 0; i < this.registrations.size(); i++) {
				if (this.registrations.get(i).hasEndpoint(registration.address(), registration.port())) {
					return i;
				}
			}
			return -1;
		}

	}

}
