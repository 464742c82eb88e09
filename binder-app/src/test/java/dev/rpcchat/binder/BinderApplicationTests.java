package dev.rpcchat.binder;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class BinderApplicationTests {

	private static final Class<?>[] EXPECTED_LOGGERS = { LoggingFailureAnalysisReporter.class,
			AnnotationConfigServletWebServerApplicationContext.class };

	@Test
	void logsWhereItListensAndServesHealthProbesAndMetrics(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BinderApplication.class)
			.run("--server.port=0")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(output).contains("Binder listening on http://localhost:" + port + "/rpc");
			assertThat(get(port, "/actuator/health/liveness")).contains("\"UP\"");
			assertThat(get(port, "/actuator/health/readiness")).contains("\"UP\"");
			assertThat(get(port, "/actuator/prometheus")).contains("jvm_");
		}
	}

	@Test
	void warnsOnceAtStartThatAnyoneCanRegisterWhenItHasNoToken(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BinderApplication.class)
			.run("--server.port=0")) {
			assertThat(warnings(output)).singleElement()
				.asString()
				.contains("anyone who can reach this binder can register procedures")
				.contains("--binder.token=");
		}
	}

	@Test
	void doesNotWarnWhenItHasAToken(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BinderApplication.class)
			.run("--server.port=0", "--binder.token=s3cret")) {
			assertThat(output).contains("Binder listening on");
			assertThat(warnings(output)).isEmpty();
		}
	}

	@Test
	void failsClearlyWhenItsPortIsTaken() throws IOException {
		// the failure is provoked: its report is asserted here, not printed amid a green
		// build
		ListAppender<ILoggingEvent> expected = new ListAppender<>();
		expected.start();
		ApplicationListener<ApplicationEnvironmentPreparedEvent> captureOnceLoggingIsSetUp = (event) -> {
			for (Class<?> type : EXPECTED_LOGGERS) {
				Logger logger = (Logger) LoggerFactory.getLogger(type);
				logger.setAdditive(false);
				logger.addAppender(expected);
			}
		};
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
			assertThatException()
				.isThrownBy(
						() -> new SpringApplicationBuilder(BinderApplication.class).listeners(captureOnceLoggingIsSetUp)
							.run("--server.port=" + taken.getLocalPort())
							.close())
				.withRootCauseInstanceOf(BindException.class);
			assertThat(expected.list).extracting(ILoggingEvent::getFormattedMessage)
				.anySatisfy((message) -> assertThat(message)
					.contains("Web server failed to start. Port " + taken.getLocalPort() + " was already in use."));
		}
		finally {
			for (Class<?> type : EXPECTED_LOGGERS) {
				Logger logger = (Logger) LoggerFactory.getLogger(type);
				logger.detachAppender(expected);
				logger.setAdditive(true);
			}
		}
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains(" WARN ")).toList();
	}

	private static String get(int port, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
