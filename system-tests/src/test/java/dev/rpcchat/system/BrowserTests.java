package dev.rpcchat.system;

import java.io.File;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BrowserTests {

	@Test
	void saysInOneSentenceWhatToInstallWhenThereIsNoBrowser() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Browser.start(new File("/nonexistent/chromium"), new File("/nonexistent/chromedriver"),
					1280, 800, false))
			.withMessage("The browser tests need Chromium and its driver: install them with "
					+ "'apt-get install chromium chromium-driver' (or set CHROME_BIN and CHROMEDRIVER to a Chrome or "
					+ "Chromium and its matching chromedriver).");
	}

}
