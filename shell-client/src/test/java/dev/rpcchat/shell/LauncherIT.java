package dev.rpcchat.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher as people use it, with the jars the build just made: two launchers started
 * at once share one binder and one chat server, and when their terminals close (a hangup
 * to each one's process group, as a closing terminal sends) nothing is left running. It
 * runs on a free port, never 5000.
 */
class LauncherIT {

	private static final Duration PATIENCE = Duration.ofMinutes(4);

	private static final Path LAUNCHER = Path.of("..", "rpc-chat").toAbsolutePath().normalize();

	@TempDir
	Path home;

	private String binderUrl;

	private final List<Launcher> launchers = new CopyOnWriteArrayList<>();

	@BeforeEach
	void pickAFreePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.binderUrl = "http://localhost:" + socket.getLocalPort() + "/rpc";
		}
	}

	@AfterEach
	void leaveNothingRunning() {
		this.launchers.forEach((launcher) -> launcher.process.destroyForcibly());
		ours().forEach(ProcessHandle::destroyForcibly);
	}

	@Test
	void twoLaunchersStartedAtOnceShareOneChatAndClosingBothTerminalsLeavesNothingRunning() throws Exception {
		Launcher ana = start("ana");
		Launcher bob = start("bob");
		await().atMost(PATIENCE).until(() -> ana.said("Signed in as ana.") && bob.said("Signed in as bob."));
		assertThat(ours()).as("processes of this test").hasSize(4);
		assertThat(servers("binder-app")).hasSize(1);
		assertThat(servers("chat-app")).hasSize(1);
		assertThat(ana.said("waiting for it") || bob.said("waiting for it")).isTrue();
		ana.hangUp();
		await().atMost(PATIENCE).until(() -> !ana.process.isAlive());
		assertThat(servers("binder-app")).hasSize(1);
		assertThat(servers("chat-app")).hasSize(1);
		bob.hangUp();
		await().atMost(PATIENCE).until(() -> !bob.process.isAlive() && ours().isEmpty());
		assertThat(bob.said("stopping the binder-app this script started")
				|| ana.said("stopping the binder-app this script started"))
			.isTrue();
	}

	/**
	 * The processes this test started: the launchers' java processes run jars from its
	 * home.
	 */
	private List<ProcessHandle> ours() {
		String lib = this.home.resolve("run").resolve("lib").toString();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains(lib))
			.toList();
	}

	private List<ProcessHandle> servers(String app) {
		return ours().stream()
			.filter((process) -> process.info().commandLine().orElse("").contains(app + ".jar"))
			.toList();
	}

	private Launcher start(String name) throws IOException {
		ProcessBuilder builder = new ProcessBuilder("setsid", LAUNCHER.toString(), "--username=" + name)
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("RPC_CHAT_HOME", this.home.toString());
		environment.put("CHAT_BINDER_URL", this.binderUrl);
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		Launcher launcher = new Launcher(builder.start());
		this.launchers.add(launcher);
		return launcher;
	}

	/**
	 * One launcher in a terminal of its own: its own process group, its input kept open
	 * as a terminal's is, its output collected.
	 */
	private static final class Launcher {

		private final Process process;

		private final OutputStream input;

		private final StringBuffer output = new StringBuffer();

		Launcher(Process process) {
			this.process = process;
			this.input = process.getOutputStream();
			Thread.ofVirtual().start(this::collect);
		}

		boolean said(String words) {
			return this.output.toString().contains(words);
		}

		/**
		 * What a closing terminal does: a hangup to the whole process group.
		 */
		void hangUp() throws Exception {
			new ProcessBuilder("kill", "-HUP", "-" + this.process.pid()).inheritIO().start().waitFor();
			this.input.close();
		}

		private void collect() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					this.output.append(line).append('\n');
				}
			}
			catch (IOException ex) {
				// the launcher is gone
			}
		}

	}

}
