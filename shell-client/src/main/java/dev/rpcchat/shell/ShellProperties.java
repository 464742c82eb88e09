package dev.rpcchat.shell;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What only the shell has ({@code shell.*}): who to sign in as, and how calls and live
 * delivery wait. Where the binder is, the one setting the shell shares with the chat
 * server, is {@link ChatBinderProperties} ({@code chat.binder.url}). A misspelled
 * {@code shell.*} setting stops the shell rather than being ignored.
 *
 * @param username the name to sign in with ({@code --username} for short), or
 * {@code null} to ask for one
 * @param requestTimeout how long one call may take, not counting a long poll's wait
 * @param pollWait how long one long poll waits for a message (the protocol allows 0 to 30
 * seconds)
 * @param heartbeatInterval how often the session is kept alive while no room is polled
 */
@ConfigurationProperties(prefix = "shell", ignoreUnknownFields = false)
@Validated
public record ShellProperties(String username,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration requestTimeout,
		@DefaultValue("25s") @NotNull @DurationMin(seconds = 0) @DurationMax(seconds = 30) Duration pollWait,
		@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) Duration heartbeatInterval) {

}
