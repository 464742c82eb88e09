package dev.rpcchat.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven through WebDriver: Debian's {@code chromium} and
 * {@code chromedriver} (or {@code CHROME_BIN} and {@code CHROMEDRIVER}), never one that
 * Selenium Manager would download. Each browser has a fresh profile of its own.
 */
final class Browser implements AutoCloseable {

	static final String INSTALL_HINT = "The browser tests need Chromium and its driver: install them with "
			+ "'apt-get install chromium chromium-driver' (or set CHROME_BIN and CHROMEDRIVER to a Chrome or Chromium "
			+ "and its matching chromedriver).";

	// The page's media and viewport are set through chromedriver's executeCdpCommand,
	// which needs no
	// version-specific selenium-devtools module: without one Selenium warns at every
	// start. Held here, since
	// java.util.logging keeps loggers only weakly.
	private static final java.util.logging.Logger cdpVersionFinder = quiet(
			"org.openqa.selenium.devtools.CdpVersionFinder");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts a browser window of a desktop's size, in the light color scheme.
	 * @return the browser
	 */
	static Browser start() {
		return start(1280, 800, false);
	}

	/**
	 * Starts a browser whose page sees a viewport of the given size and color scheme.
	 * @param width the viewport's width in CSS pixels (360 for a phone)
	 * @param height its height
	 * @param dark whether the page sees {@code prefers-color-scheme: dark}
	 * @return the browser
	 */
	static Browser start(int width, int height, boolean dark) {
		return start(width, height, dark, List.of());
	}

	/**
	 * Starts a desktop-sized browser that trusts one certificate besides its own
	 * authorities, as someone who installed a self-signed one would: Chromium's
	 * {@code --ignore-certificate-errors-spki-list} with that certificate's public key,
	 * so every other certificate is still checked.
	 * @param certificate the certificate
	 * @return the browser
	 */
	static Browser trusting(X509Certificate certificate) {
		try {
			byte[] spki = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
			return start(1280, 800, false,
					List.of("--ignore-certificate-errors-spki-list=" + Base64.getEncoder().encodeToString(spki)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Browser start(int width, int height, boolean dark, List<String> arguments) {
		File chromium = executable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
		File chromedriver = executable("CHROMEDRIVER", "chromedriver");
		return start(chromium, chromedriver, width, height, dark, arguments);
	}

	/**
	 * Starts a given browser with a given driver.
	 * @param chromium the browser's executable
	 * @param chromedriver the driver's executable
	 * @param width the viewport's width in CSS pixels
	 * @param height its height
	 * @param dark whether the page sees {@code prefers-color-scheme: dark}
	 * @return the browser
	 */
	static Browser start(File chromium, File chromedriver, int width, int height, boolean dark) {
		return start(chromium, chromedriver, width, height, dark, List.of());
	}

	private static Browser start(File chromium, File chromedriver, int width, int height, boolean dark,
			List<String> arguments) {
		if (!chromium.canExecute() || !chromedriver.canExecute()) {
			throw new IllegalStateException(INSTALL_HINT);
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("rpc-chat-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=" + Math.max(width, 500) + "," + height);
		options.addArguments(arguments);
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		// An executable given here means Selenium Manager is never asked for one.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (WebDriverException ex) {
			throw new IllegalStateException(INSTALL_HINT + " Starting " + chromium + " failed: "
					+ ex.getMessage().lines().findFirst().orElse(""), ex);
		}
		Browser browser = new Browser(driver, profile);
		browser.emulate(width, height, dark);
		return browser;
	}

	private static java.util.logging.Logger quiet(String name) {
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
		logger.setLevel(Level.SEVERE);
		return logger;
	}

	private void emulate(int width, int height, boolean dark) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
	}

	private static File executable(String variable, String... names) {
		String configured = System.getenv(variable);
		if (configured != null && !configured.isBlank()) {
			File file = new File(configured);
			if (file.canExecute()) {
				return file;
			}
			throw new IllegalStateException(
					INSTALL_HINT + " " + variable + " names " + configured + ", which is not an executable file.");
		}
		String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
		for (String name : names) {
			for (String directory : path.split(File.pathSeparator)) {
				File file = new File(directory, name);
				if (file.canExecute()) {
					return file;
				}
			}
		}
		throw new IllegalStateException(INSTALL_HINT);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * What the page wrote to the console at level SEVERE since the last call: script
	 * errors and Content-Security-Policy violations.
	 * @return the messages
	 */
	List<String> severeConsoleMessages() {
		List<String> severe = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				severe.add(entry.getMessage());
			}
		}
		return severe;
	}

	/**
	 * Saves what the viewport shows.
	 * @param file where the PNG goes
	 */
	void screenshot(Path file) {
		byte[] png = this.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ex) {
				// A temporary profile left behind is harmless.
			}
		}
	}

}
