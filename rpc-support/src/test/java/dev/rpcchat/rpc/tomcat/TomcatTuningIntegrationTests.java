package dev.rpcchat.rpc.tomcat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.rpcchat.rpc.SampleApplication;
import dev.rpcchat.test.RpcTestClient;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11NioProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every app serving {@code /rpc} gets the same Tomcat settings from rpc-support, each of
 * which its own properties can override and a switch turns off.
 */
@ExtendWith(OutputCaptureExtension.class)
class TomcatTuningIntegrationTests {

	@Test
	void givesEachConnectionAndRequestBuffersSizedForJsonRpcAndTheWebDefaults() {
		try (ConfigurableApplicationContext context = start()) {
			AbstractHttp11Protocol<?> protocol = protocol(context);
			assertThat(protocol).isInstanceOf(CompactHttp11NioProtocol.class);
			assertThat(protocol.getDesiredBufferSize()).isEqualTo(1024);
			assertThat(protocol.getProperty("socket.appReadBufSize")).isEqualTo("1024");
			assertThat(protocol.getProperty("socket.appWriteBufSize")).isEqualTo("2048");
			assertThat(protocol.getMaxTrailerSize()).isEqualTo(1024);
			assertThat(protocol.getMaxHttpRequestHeaderSize()).isEqualTo(4096);
			assertThat(protocol.getMaxHttpResponseHeaderSize()).isEqualTo(1024);
			assertThat(protocol.getMaxConnections()).isEqualTo(20_000);
			assertThat(protocol.getMaxSwallowSize()).isEqualTo(64 * 1024 * 1024);
			assertThat(engineValves(context)).hasAtLeastOneElementOfType(SmallReaderBufferValve.class);
			serves(context);
		}
	}

	@Test
	void letsTheAppOverrideOneWebDefault() {
		try (ConfigurableApplicationContext context = start("--server.max-http-request-header-size=6KB")) {
			assertThat(protocol(context).getMaxHttpRequestHeaderSize()).isEqualTo(6 * 1024);
			assertThat(protocol(context).getMaxHttpResponseHeaderSize()).isEqualTo(1024);
		}
	}

	@Test
	void switchesTheWebDefaultsOff() {
		try (ConfigurableApplicationContext context = start("--rpc.tomcat.web-defaults=false")) {
			AbstractHttp11Protocol<?> protocol = protocol(context);
			assertThat(protocol.getMaxHttpRequestHeaderSize()).isEqualTo(8 * 1024);
			assertThat(protocol.getMaxHttpResponseHeaderSize()).isEqualTo(8 * 1024);
			assertThat(protocol.getMaxConnections()).isEqualTo(8192);
			assertThat(protocol.getMaxSwallowSize()).isEqualTo(2 * 1024 * 1024);
			assertThat(protocol).isInstanceOf(CompactHttp11NioProtocol.class);
			serves(context);
		}
	}

	@Test
	void switchesTheCompactSocketBuffersOff() {
		try (ConfigurableApplicationContext context = start("--rpc.tomcat.compact-socket-buffers=false")) {
			AbstractHttp11Protocol<?> protocol = protocol(context);
			assertThat(protocol.getProperty("socket.appReadBufSize")).isEqualTo("8192");
			assertThat(protocol.getProperty("socket.appWriteBufSize")).isEqualTo("8192");
			assertThat(protocol.getMaxTrailerSize()).isEqualTo(1024);
			serves(context);
		}
	}

	@Test
	void switchesTheCompactRequestBuffersOff() {
		try (ConfigurableApplicationContext context = start("--rpc.tomcat.compact-request-buffers=false")) {
			AbstractHttp11Protocol<?> protocol = protocol(context);
			assertThat(protocol.getClass()).isEqualTo(Http11NioProtocol.class);
			assertThat(protocol.getMaxTrailerSize()).isEqualTo(8192);
			assertThat(protocol.getProperty("socket.appReadBufSize")).isEqualTo("1024");
			serves(context);
		}
	}

	@Test
	void switchesTheSmallReaderBufferOff() {
		try (ConfigurableApplicationContext context = start("--rpc.tomcat.small-reader-buffer=false")) {
			assertThat(engineValves(context)).doesNotHaveAnyElementsOfTypes(SmallReaderBufferValve.class);
			assertThat(protocol(context)).isInstanceOf(CompactHttp11NioProtocol.class);
			serves(context);
		}
	}

	@Test
	void keepsTheBearerTokenOfAHeaderTomcatCannotParseOutOfTheLog(CapturedOutput output) throws IOException {
		try (ConfigurableApplicationContext context = start()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			for (int i = 0; i < 2; i++) {
				String answer = raw(port, "POST /rpc HTTP/1.1\r\nHost: localhost\r\n"
						+ "Authorization: Bearer sec\0ret-token-" + i + "\r\nContent-Length: 2\r\n\r\n{}");
				assertThat(answer).startsWith("HTTP/1.1 200")
					.endsWith(
							"{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}");
			}
			serves(context);
		}
		assertThat(output).doesNotContain("ret-token").doesNotContain("Authorization");
	}

	private static String raw(int port, String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return new SpringApplicationBuilder(SampleApplication.class).run(all);
	}

	private static Tomcat tomcat(ConfigurableApplicationContext context) {
		return ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat();
	}

	private static AbstractHttp11Protocol<?> protocol(ConfigurableApplicationContext context) {
		Connector connector = tomcat(context).getConnector();
		return (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
	}

	private static Valve[] engineValves(ConfigurableApplicationContext context) {
		return tomcat(context).getEngine().getPipeline().getValves();
	}

	private static void serves(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		RpcTestClient.to(port).expect("""
				{"jsonrpc": "2.0", "method": "subtract", "params": [3, 1], "id": 1}""", """
				{"jsonrpc": "2.0", "result": 2, "id": 1}""");
	}

}
