package dev.rpcchat.binder.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binder serves the browser client at {@code /} with a Content-Security-Policy, and
 * the page's files keep to what that policy allows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebClientIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void servesThePageAtTheRootWithItsContentSecurityPolicy() throws Exception {
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<title>rpc-chat</title>")
			.contains("<script type=\"module\" src=\"js/main.js\">");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self';")
			.contains("style-src 'self';")
			.contains("connect-src 'self' ws: wss:;")
			.contains("require-trusted-types-for 'script'")
			.doesNotContain("unsafe");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(get("/index.html").body()).isEqualTo(page.body());
	}

	@ParameterizedTest
	@CsvSource({ "/js/main.js, text/javascript", "/js/chat.js, text/javascript", "/app.css, text/css",
			"/favicon.svg, image/svg+xml" })
	void servesThePagesFilesWithTheirTypes(String path, String type) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((actual) -> assertThat(actual).startsWith(type));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void otherPathsStillAnswerWithJsonAndTheRpcEndpointStillAnswers() throws Exception {
		HttpResponse<String> missing = get("/js/nothing-here.js");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).startsWith("{\"error\"");
		assertThat(get("/web-client/index.html").statusCode()).isEqualTo(404);
		HttpResponse<String> rpc = http.send(HttpRequest.newBuilder(uri("/rpc"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"list_procedures\",\"id\":1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(rpc.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":[],\"id\":1}");
	}

	@Test
	void thePageHasNoInlineScriptStyleOrEventHandlerThePolicyWouldBlock() throws IOException {
		String html = read("index.html");
		Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
		List<String> scriptTags = new ArrayList<>();
		while (scripts.find()) {
			scriptTags.add(scripts.group(1));
		}
		assertThat(scriptTags).isNotEmpty().allSatisfy((attributes) -> assertThat(attributes).contains("src="));
		assertThat(html).doesNotContainPattern("(?i)<style\\b")
			.doesNotContainPattern("(?i)\\sstyle=")
			.doesNotContainPattern("(?i)\\son[a-z]+=")
			.doesNotContainPattern("(?i)javascript:")
			.doesNotContainPattern("(?i)https?://");
	}

	@Test
	void theScriptsNeverTurnStringsIntoMarkupOrCode() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources(WebClientConfiguration.LOCATION + "js/*.js");
		assertThat(scripts).hasSizeGreaterThanOrEqualTo(5);
		for (Resource script : scripts) {
			try (InputStream in = script.getInputStream()) {
				String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				assertThat(code).as(script.getFilename())
					.doesNotContain("innerHTML")
					.doesNotContain("outerHTML")
					.doesNotContain("insertAdjacentHTML")
					.doesNotContain("document.write")
					.doesNotContain("eval(")
					.doesNotContain("new Function")
					.doesNotContainPattern("https?://");
			}
		}
	}

	private static String read(String file) throws IOException {
		Resource resource = new PathMatchingResourcePatternResolver()
			.getResource(WebClientConfiguration.LOCATION + file);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
