package dev.rpcchat.rpc.tomcat;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.CharBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rpcchat.rpc.SampleApplication;
import dev.rpcchat.test.RpcTestClient;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.InputBuffer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests reach the application with a small char buffer for {@code getReader()}, and a
 * reader still reads a large body whole.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(SmallReaderBufferIntegrationTests.EchoConfiguration.class)
class SmallReaderBufferIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CapacityRecorder recorder;

	@Test
	void requestsReachTheApplicationWithASmallCharBuffer() {
		RpcTestClient.to(this.port).expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [3, 1], "id": 1}""", """
				{"jsonrpc": "2.0", "result": 2, "id": 1}""");
		assertThat(this.recorder.capacities).isNotEmpty()
			.allSatisfy((capacity) -> assertThat(capacity).isEqualTo(SmallReaderBufferValve.CHAR_BUFFER_SIZE));
	}

	@Test
	void readerStillReadsALargeBodyWhole() {
		String body = "Grüße, 世界! ".repeat(20_000);
		HttpResponse<String> response = RpcTestClient.to(this.port)
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/echo"))
				.header("Content-Type", "text/plain; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(body);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class EchoConfiguration {

		@Bean
		ServletRegistrationBean<EchoServlet> echoServlet() {
			return new ServletRegistrationBean<>(new EchoServlet(), "/echo");
		}

		@Bean
		CapacityRecorder capacityRecorder() {
			return new CapacityRecorder();
		}

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> capacityRecorderValve(CapacityRecorder recorder) {
			return (factory) -> factory.addContextValves(recorder);
		}

	}

	/**
	 * Records the char buffer each request reaches the context with.
	 */
	static class CapacityRecorder extends ValveBase {

		final List<Integer> capacities = new CopyOnWriteArrayList<>();

		CapacityRecorder() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			this.capacities.add(charBufferCapacity(request));
			getNext().invoke(request, response);
		}

	}

	/**
	 * The capacity of the char buffer behind a request's {@code getReader()}, read by
	 * reflection as the valve writes it.
	 */
	static int charBufferCapacity(Request request) {
		try {
			Field inputBuffer = Request.class.getDeclaredField("inputBuffer");
			inputBuffer.setAccessible(true);
			Field charBuffer = InputBuffer.class.getDeclaredField("cb");
			charBuffer.setAccessible(true);
			return ((CharBuffer) charBuffer.get(inputBuffer.get(request))).capacity();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class EchoServlet extends HttpServlet {

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			StringBuilder text = new StringBuilder();
			BufferedReader reader = request.getReader();
			char[] chunk = new char[300];
			int read;
			while ((read = reader.read(chunk)) != -1) {
				text.append(chunk, 0, read);
			}
			response.setContentType("text/plain; charset=UTF-8");
			response.getWriter().write(text.toString());
		}

	}

}
