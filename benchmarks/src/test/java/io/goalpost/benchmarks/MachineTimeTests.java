package io.goalpost.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.goalpost.benchmarks.MachineTime.Process;
import io.goalpost.benchmarks.MachineTime.ProcessId;
import io.goalpost.benchmarks.MachineTime.Snapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MachineTimeTests {

	private static final long POSTMASTER = 100;

	private static final String BACKENDS = "PostgreSQL backends";

	@Test
	void aBackendThatExitsCountsOnlyTheTimeItTookAfterTheFirstSnapshot() {
		Snapshot before = snapshot(Map.of(id(100, 1), postmaster(40), id(201, 5), backend(300), id(202, 6), backend(70)), 1_000);
		// 201 exits having taken 500 ticks in all; 203 opens and closes within the window, taking 120.
		Snapshot after = snapshot(Map.of(id(100, 1), postmaster(45), id(202, 6), backend(90)), 1_000 + 500 + 120);

		Map<String, Long> ticks = MachineTime.ticksByKind(before, after);

		assertThat(ticks).containsEntry(MachineTime.EXITED, 200L + 120L)
			.containsEntry(BACKENDS, 20L)
			.containsEntry("PostgreSQL, the rest", 5L);
	}

	@Test
	void aPidUsedAgainIsAnotherProcess() {
		Snapshot before = snapshot(Map.of(id(100, 1), postmaster(0), id(300, 2), new Process("broker", 900, 1)), 0);
		Snapshot after = snapshot(Map.of(id(100, 1), postmaster(0), id(300, 8), new Process("harness", 30, 1)), 0);

		Map<String, Long> ticks = MachineTime.ticksByKind(before, after);

		assertThat(ticks).containsEntry("harness", 30L).containsEntry(MachineTime.EXITED, 0L).doesNotContainKey("broker");
	}

	@Test
	void readsThisJvmsOwnTimeFromProc() {
		assumeTrue(Files.isReadable(Path.of("/proc/stat")), "no /proc here");
		Snapshot before = MachineTime.take();
		long spin = System.nanoTime();
		double sink = 0;
		while (System.nanoTime() - spin < 300_000_000L) {
			sink += Math.sqrt(sink + 1);
		}
		Snapshot after = MachineTime.take();

		assertThat(sink).isPositive();
		// 300 ms of one thread's work is 30 ticks; a loaded machine may give this thread less of them.
		assertThat(MachineTime.ticksByKind(before, after).get("harness")).isGreaterThanOrEqualTo(10L);
	}

	private static Snapshot snapshot(Map<ProcessId, Process> processes, long reaped) {
		return new Snapshot(processes, Map.of(POSTMASTER, reaped), new long[8], 0);
	}

	private static ProcessId id(long pid, long start) {
		return new ProcessId(pid, start);
	}

	private static Process postmaster(long ticks) {
		return new Process("PostgreSQL, the rest", ticks, 1);
	}

	private static Process backend(long ticks) {
		return new Process(BACKENDS, ticks, POSTMASTER);
	}

}
