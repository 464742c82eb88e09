package dev.rpcchat.shell;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shell's settings: where the binder is, who to sign in as, and how live delivery
 * waits.
 *
 * @param binder where the binder answers
 * @param username the name to sign in with, or {@code null} to ask for one
 * @param requestTimeout how long one call may take, not counting a long poll's wait
 * @param pollWait how long one long poll waits for a message (at most 30 seconds)
 * @param heartbeatInterval how often the session is kept alive while no room is joined
 */
@ConfigurationProperties("chat")
@Validated
public record ShellProperties(@DefaultValue Binder binder, String username,
		@DefaultValue("5s") @NotNull Duration requestTimeout, @DefaultValue("25s") @NotNull Duration pollWait,
		@DefaultValue("60s") @NotNull Duration heartbeatInterval) {

	/**
	 * Where the binder answers.
	 *
	 * @param url the binder's JSON-RPC endpoint
	 */
	public record Binder(@DefaultValue("http://localhost:5000/rpc") @NotNull URI url) {

	}

}
