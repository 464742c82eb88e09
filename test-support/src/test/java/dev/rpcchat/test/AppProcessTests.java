package dev.rpcchat.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AppProcessTests {

	@Test
	void saysHowToBuildAJarThatIsMissing() {
		assertThatIllegalStateException().isThrownBy(() -> AppProcess.jar("test-support"))
			.withMessageContaining("There is no test-support jar")
			.withMessageContaining("./mvnw -B package -DskipTests -pl test-support -am");
	}

}
