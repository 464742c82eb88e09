package dev.rpcchat.shell;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The chat client: a Spring Shell that finds the chat server through the binder.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShellClientApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = builder().run(args);
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * The application as {@code main} starts it: a shell, never a web server.
	 * @return a builder for the application
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ShellClientApplication.class).web(WebApplicationType.NONE);
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

}
