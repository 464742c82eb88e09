package dev.rpcchat.shell;

import java.io.PrintStream;
import java.time.Clock;

import dev.rpcchat.shell.console.ErrorSentences;

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
		System.exit(run(System.err, args));
	}

	/**
	 * Runs the shell to its end.
	 * @param err where a failure to start is told, in one sentence
	 * @param args the program's arguments
	 * @return the exit code: the shell's, or {@link ErrorSentences#USAGE} when it could
	 * not start
	 */
	static int run(PrintStream err, String... args) {
		ConfigurableApplicationContext context;
		try {
			context = builder().run(args);
		}
		catch (RuntimeException ex) {
			err.println(StartupFailure.sentence(ex));
			return ErrorSentences.USAGE;
		}
		return SpringApplication.exit(context);
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
