package dev.rpcchat.bench;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's live heap: its used heap right after a full GC, read through {@code jcmd}
 * (the server runs on this machine: {@code --server-pid}). A heap measurement, valid on a
 * busy machine where latencies are not.
 */
final class ServerHeap {

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private final long pid;

	ServerHeap(long pid) {
		this.pid = pid;
	}

	/**
	 * Runs a full GC in the server and reads its used heap.
	 * @return the bytes in use, or empty when they could not be read
	 */
	OptionalLong liveBytes() {
		if (this.pid <= 0) {
			return OptionalLong.empty();
		}
		try {
			jcmd("GC.run");
			Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
			return used.find() ? OptionalLong.of(Long.parseLong(used.group(1)) * 1024) : OptionalLong.empty();
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalLong.empty();
		}
	}

	/**
	 * The live heap, for a report line.
	 * @return such as {@code 84.2 MiB}, or why it is unknown
	 */
	String live() {
		if (this.pid <= 0) {
			return "unknown (no --server-pid)";
		}
		OptionalLong bytes = liveBytes();
		return bytes.isPresent() ? mib(bytes.getAsLong()) : "unknown";
	}

	static String mib(long bytes) {
		return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		String javaHome = System.getProperty("java.home");
		Process process = new ProcessBuilder(javaHome + "/bin/jcmd", Long.toString(this.pid), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		return output;
	}

}
