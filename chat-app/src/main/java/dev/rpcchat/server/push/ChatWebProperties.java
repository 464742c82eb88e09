package dev.rpcchat.server.push;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How browsers and WebSocket clients may use the chat server ({@code chat.web.*}).
 *
 * @param allowedOrigins the origins, or patterns such as {@code https://*.example.com},
 * whose pages may open a WebSocket or post to {@code /rpc}; {@code *} for any
 * @param pingInterval how often the server pings each WebSocket
 * @param pongTimeout how long after its last pong a silent WebSocket is closed
 * @param maxQueued how much may wait to be written to one WebSocket before it is closed
 * as too slow ({@code 1013})
 * @param maxCallsInFlight how many calls of one WebSocket may run at once before the
 * server stops reading it until one ends
 */
@Validated
@ConfigurationProperties("chat.web")
public record ChatWebProperties(@NotEmpty @DefaultValue("*") List<String> allowedOrigins,
		@NotNull @DefaultValue("30s") @DurationMin(millis = 10) Duration pingInterval,
		@NotNull @DefaultValue("60s") @DurationMin(millis = 10) Duration pongTimeout,
		@NotNull @DefaultValue("1MB") DataSize maxQueued, @Min(1) @DefaultValue("64") int maxCallsInFlight) {

}
