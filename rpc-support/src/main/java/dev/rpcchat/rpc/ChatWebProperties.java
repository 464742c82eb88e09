package dev.rpcchat.rpc;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which web pages may call the services from another origin: the contract's
 * {@code chat.web.*} settings, read here for every app that serves {@code /rpc}.
 *
 * @param allowedOrigins the origins (such as {@code https://chat.example.com}, or a
 * pattern such as {@code https://*.example.com}) whose pages may call {@code POST /rpc};
 * {@code *} for any. Authentication is a bearer token, never a cookie, so a page of
 * another origin can only use a token it was given.
 */
@Validated
@ConfigurationProperties("chat.web")
public record ChatWebProperties(@NotEmpty @DefaultValue("*") List<String> allowedOrigins) {

	public ChatWebProperties {
		allowedOrigins = List.copyOf(allowedOrigins);
	}

}
