package dev.rpcchat.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.rpcchat.system.DocExamples.Command;
import dev.rpcchat.system.DocExamples.FileStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules by which {@link ExecutableDocsTests} reads a document and compares outputs:
 * what they forgive, and that they catch a drift.
 */
class ExpectedOutputTests {

	@Test
	void forgivesTokensTimestampsPortsAndIdsButNotTheRest() {
		String documented = """
				{"jsonrpc":"2.0","result":{"id":2,"token":"abc","port":36877,"timestamp":"2026-11-22T04:25:51.297Z","content":"oi"},"id":5}""";
		assertThat(ExpectedOutput.mismatch(List.of(documented),
				"""
						{"jsonrpc":"2.0","result":{"id":9,"token":"xyz","port":41000,"timestamp":"2027-01-01T00:00:00.001Z","content":"oi"},"id":5}"""))
			.isEmpty();
		assertThat(ExpectedOutput.mismatch(List.of(documented),
				"""
						{"jsonrpc":"2.0","result":{"id":2,"token":"abc","port":36877,"timestamp":"2026-11-22T04:25:51.297Z","content":"oi!"},"id":5}"""))
			.hasValueSatisfying((why) -> assertThat(why).contains("$.result.content"));
		assertThat(ExpectedOutput.mismatch(List.of(documented),
				"""
						{"jsonrpc":"2.0","result":{"id":2,"token":"abc","port":36877,"timestamp":"2026-11-22T04:25:51.297Z","content":"oi"},"id":6}"""))
			.as("the envelope's id is the request's")
			.isPresent();
	}

	@Test
	void readsEllipsesAsWhateverFollowsAndNothingElse() {
		List<String> documented = List.of("{\"result\":[{\"a\":1}, ...],\"info\":{\"b\":2, ...}}");
		assertThat(ExpectedOutput.mismatch(documented, "{\"result\":[{\"a\":1},{\"a\":2}],\"info\":{\"b\":2,\"c\":3}}"))
			.isEmpty();
		assertThat(ExpectedOutput.mismatch(documented, "{\"result\":[],\"info\":{\"b\":2}}")).isPresent();
		assertThat(ExpectedOutput.mismatch(documented, "{\"result\":[{\"a\":1}],\"info\":{\"b\":2},\"more\":1}"))
			.hasValueSatisfying((why) -> assertThat(why).contains("$.more: printed, but not documented"));
	}

	@Test
	void findsTextLinesInOrderWithAnyPortAndId() {
		List<String> documented = List.of("HTTP/1.1 200", "Allow: POST", "#8 at http://127.0.0.1:36877/rpc");
		assertThat(ExpectedOutput.mismatch(documented,
				"HTTP/1.1 200 \nDate: today\nAllow: POST\n#12 at http://127.0.0.1:40001/rpc"))
			.isEmpty();
		assertThat(ExpectedOutput.mismatch(documented, "Allow: POST\nHTTP/1.1 200\n#12 at http://127.0.0.1:1/rpc"))
			.isPresent();
		assertThat(ExpectedOutput.mismatch(List.of("HTTP/1.1 200"), "HTTP/1.1 405")).isPresent();
	}

	@Test
	void readsCommandsTheirOutputsNotesFilesAndSkippedBlocks(@TempDir Path directory) throws Exception {
		Path document = directory.resolve("doc.md");
		Files.writeString(document, """
				## Section

				<!-- not run: an example -->
				```bash
				rm -rf /
				```

				- a list item:

				  ```bash
				  # a note
				  curl -s a \\
				    -d b
				  # {"a":1}

				  # another note
				  X=$(echo 1)
				  ```

				<!-- file: x.mjs -->
				```javascript
				console.log(1);
				```
				""");
		List<DocExamples.Step> steps = DocExamples.read(document);
		assertThat(steps).hasSize(3);
		assertThat(steps.get(0))
			.isEqualTo(new Command("doc.md:12", "Section", "curl -s a \\\n  -d b", List.of("{\"a\":1}")));
		assertThat(steps.get(1)).isEqualTo(new Command("doc.md:17", "Section", "X=$(echo 1)", List.of()));
		assertThat(steps.get(2)).isEqualTo(new FileStep("doc.md:21", "x.mjs", "console.log(1);\n"));
	}

}
