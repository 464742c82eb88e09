package dev.rpcchat.shell;

import dev.rpcchat.shell.console.UsageException;
import dev.rpcchat.shell.console.UsageException.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptArgumentsTests {

	@Test
	void takesEachArgumentAsACommand() {
		assertThat(ScriptArguments.commands("--username=s1", "rooms", "whoami")).containsExactly("rooms", "whoami");
	}

	@Test
	void splitsAnArgumentAtSemicolonsAndSkipsEmptyCommands() {
		assertThat(ScriptArguments.commands("join geral; send hi;", " ; whoami ;;")).containsExactly("join geral",
				"send hi", "whoami");
	}

	@Test
	void skipsSettingsWhereverTheyAre() {
		assertThat(ScriptArguments.commands("rooms", "--chat.binder.url=http://h:5000/rpc", "--username=ana",
				"--logging.level.root=INFO"))
			.containsExactly("rooms");
		assertThat(ScriptArguments.commands("--username=ana")).isEmpty();
	}

	@Test
	void refusesACommandsOptionOutsideItsQuotes() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> ScriptArguments.commands("--username=x", "join geral;", "send", "--to", "keeper", "hi"))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.NOT_A_SETTING);
				assertThat(ex.word()).isEqualTo("--to");
			});
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> ScriptArguments.commands("send", "--to=bob"))
			.satisfies((ex) -> assertThat(ex.word()).isEqualTo("--to=bob"));
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> ScriptArguments.commands("--username", "bob"));
	}

	@Test
	void takesHelpAsTheHelpCommand() {
		assertThat(ScriptArguments.commands("--help")).containsExactly("help");
	}

}
