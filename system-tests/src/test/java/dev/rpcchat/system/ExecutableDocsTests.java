package dev.rpcchat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.rpcchat.system.DocExamples.Command;
import dev.rpcchat.system.DocExamples.FileStep;
import dev.rpcchat.system.DocExamples.Step;
import dev.rpcchat.test.AppProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docs/protocol.md and README.md run as written: every {@code bash} example, in order, in
 * one real {@code bash} per document, with {@code curl} against a binder and a chat
 * server started from the built jars, each printing what the document says it prints
 * (tokens, timestamps, ports and ids aside; the rules are at the top of protocol.md).
 * {@code localhost:5000} in an example is the binder; {@code localhost:5001} a second
 * binder, started with {@code --binder.token=s3cret}.
 */
class ExecutableDocsTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern NODE = Pattern.compile("^node\\s+(?:--\\S+\\s+)*(\\S+\\.m?js)\\s+(.*)$");

	private static AppProcess binder;

	private static AppProcess tokenBinder;

	private static AppProcess chat;

	private static JavaScriptExample javascript;

	@BeforeAll
	static void startBindersAndAChatServer() {
		binder = AppProcess.binder();
		tokenBinder = AppProcess.binder("--binder.token=s3cret");
		chat = AppProcess.chat("--chat.binder.url=" + binder.rpcUrl());
		chat.awaitLog("Registered ", Duration.ofMinutes(2));
		javascript = JavaScriptExample.find();
	}

	@AfterAll
	static void stopThem() {
		for (AppProcess app : new AppProcess[] { chat, tokenBinder, binder }) {
			if (app != null) {
				app.stop();
			}
		}
	}

	@TestFactory
	Stream<DynamicNode> protocolAndReadmeRunAsWritten() {
		return Stream.of(document("docs/protocol.md"), document("README.md"));
	}

	private DynamicContainer document(String name) {
		Path directory = Path.of("target", "docs-examples", Path.of(name).getFileName().toString()).toAbsolutePath();
		ExampleShell shell = ExampleShell.start(directory);
		List<Step> steps = DocExamples.read(ROOT.resolve(name));
		assertThat(steps).as("examples in %s", name).isNotEmpty();
		Stream<DynamicNode> tests = steps.stream().map((step) -> switch (step) {
			case FileStep file -> DynamicTest.dynamicTest(file.where() + " writes " + file.name(),
					() -> write(directory.resolve(file.name()), file.content()));
			case Command command -> DynamicTest.dynamicTest(name(command), () -> run(shell, directory, command));
		});
		return DynamicContainer.dynamicContainer(name,
				Stream.concat(tests, Stream.of(DynamicTest.dynamicTest(name + " done", shell::close))));
	}

	private static void run(ExampleShell shell, Path directory, Command command) {
		String text = command.text()
			.replace("localhost:5000", "localhost:" + binder.port())
			.replace("localhost:5001", "localhost:" + tokenBinder.port());
		Matcher node = NODE.matcher(text);
		ExampleShell.Result result = node.matches()
				? javascript.run(shell, text, directory.resolve(node.group(1)), node.group(2), binder.baseUrl() + "/")
				: shell.run(text);
		String context = command.where() + "\n" + command.text() + "\nstderr so far:\n" + shell.errors();
		assertThat(result.status()).as("exit status of %s", context).isZero();
		if (command.expected().isEmpty()) {
			assertThat(result.printed()).as("""
					%s printed this, which the document does not show under the command \
					(show it as '# ' lines, abbreviated with ... where it is long)""", command.where()).isEmpty();
			return;
		}
		Optional<String> mismatch = ExpectedOutput.mismatch(command.expected(), result.printed());
		mismatch.ifPresent((why) -> fail("%s does not print what the document says:\n%s\n\nthe command:\n%s",
				command.where(), why, command.text()));
	}

	private static String name(Command command) {
		String name = command.where() + " " + command.section();
		return NODE.matcher(command.text()).matches() ? name + " (in " + javascript.where() + ")" : name;
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
