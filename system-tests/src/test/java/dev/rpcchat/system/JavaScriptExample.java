package dev.rpcchat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs a document's JavaScript example ({@code node --experimental-websocket FILE
 * ARGS...}) the way the document says it runs: with Node when a Node with
 * {@code WebSocket} (20.10 or later) is on the PATH, else in headless Chromium (which the
 * browser tests need anyway), where the same lines run as in a browser console, with
 * {@code process.argv} set and {@code console.log} collected.
 */
final class JavaScriptExample {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final boolean node;

	private JavaScriptExample(boolean node) {
		this.node = node;
	}

	/**
	 * Looks for a Node that has {@code WebSocket}, unless
	 * {@code -Drpcchat.docs.node=false} asks for the browser (to try what runs where
	 * there is no such Node).
	 * @return how the examples will run
	 */
	static JavaScriptExample find() {
		return new JavaScriptExample(
				Boolean.parseBoolean(System.getProperty("rpcchat.docs.node", "true")) && nodeHasWebSocket());
	}

	private static boolean nodeHasWebSocket() {
		try {
			Process node = new ProcessBuilder("node", "--experimental-websocket", "-e",
					"process.exit(typeof WebSocket === 'function' ? 0 : 1)")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Says where the examples run, for the test's name.
	 * @return {@code Node} or {@code Chromium (no Node with WebSocket on the PATH)}
	 */
	String where() {
		return this.node ? "Node" : "Chromium (no Node with WebSocket on the PATH)";
	}

	/**
	 * Runs the example.
	 * @param shell the document's shell (which expands the arguments)
	 * @param command the command as written, its ports mapped
	 * @param file the script
	 * @param arguments the command's arguments after the script, unexpanded
	 * @param page a page of the binder to run it on, in a browser
	 * @return what it printed
	 */
	ExampleShell.Result run(ExampleShell shell, String command, Path file, String arguments, String page) {
		if (this.node) {
			return shell.run(command);
		}
		ExampleShell.Result expanded = shell.run("printf '%s\\n' " + arguments);
		List<String> argv = expanded.printed().lines().toList();
		try (Browser browser = Browser.start()) {
			browser.driver().get(page);
			browser.driver().manage().timeouts().scriptTimeout(PATIENCE);
			Object printed = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					const lines = [];
					const console = { log: (...parts) => lines.push(parts.join(' ')) };
					const process = { argv: ['node', arguments[1]].concat(arguments[0]) };
					try {
					%s
					socket.addEventListener('close', () => setTimeout(() => done(lines.join('\\n')), 100));
					} catch (e) { done(lines.concat('threw ' + e).join('\\n')); }
					""".formatted(Files.readString(file, StandardCharsets.UTF_8)), argv, file.getFileName().toString());
			return new ExampleShell.Result(String.valueOf(printed).strip(), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
