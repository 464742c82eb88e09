package dev.rpcchat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the tests put screenshots: always under {@code target/screenshots/}, and into the
 * repository's {@code docs/images/} only when asked with
 * {@code -Drpcchat.update-docs=true} (so that an ordinary build changes no committed
 * file).
 */
final class Screenshots {

	private Screenshots() {
	}

	/**
	 * Saves what a browser shows.
	 * @param browser the browser
	 * @param name the file's name without extension
	 * @param forDocs whether the README shows this one
	 * @return where it was saved under target/
	 */
	static Path save(Browser browser, String name, boolean forDocs) {
		Path file = Path.of("target", "screenshots", name + ".png");
		browser.screenshot(file);
		if (forDocs && Boolean.getBoolean("rpcchat.update-docs")) {
			Path docs = Path.of("..", "docs", "images", name + ".png");
			try {
				Files.createDirectories(docs.getParent());
				Files.copy(file, docs, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return file;
	}

}
