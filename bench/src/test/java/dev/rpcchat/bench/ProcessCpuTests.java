package dev.rpcchat.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTests {

	@Test
	void addsUserAndSystemTimeFromProcStat() {
		String stat = "4242 (java (main)) S 1 4242 4242 0 -1 4194560 120 0 0 0 1234 566 0 0 20 0 42 0 100 0 0";
		assertThat(ProcessCpu.cpuSeconds(stat)).isEqualTo(18.0);
	}

	@Test
	void readsThisProcessAndKnowsNothingWithoutAProcess() {
		ProcessCpu unknown = new ProcessCpu(0);
		unknown.start();
		unknown.stop();
		assertThat(unknown.seconds()).isNaN();
		ProcessCpu self = new ProcessCpu(ProcessHandle.current().pid());
		self.start();
		self.stop();
		assertThat(self.seconds()).isGreaterThanOrEqualTo(0);
	}

}
