package io.goalpost.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.goalpost.benchmarks.MachineTime.Process;
import io.goalpost.benchmarks.MachineTime.ProcessId;
import io.goalpost.benchmarks.MachineTime.Snapshot;
import io.goalpost.benchmarks.MachineTime.Ticks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MachineTimeTests {

	private static final long POSTMASTER = 100;

	private static final String BACKENDS = "PostgreSQL backends";

	@Test
	void aBackendThatExitsCountsOnlyTheTimeItTookAfterTheFirstSnapshot() {
		Snapshot before = snapshot(Map.of(id(100, 1), postmaster(ticks(40, 4)), id(201, 5), backend(ticks(300, 100)),
				id(202, 6), backend(ticks(70, 10))), ticks(1_000, 200));
		// 201 exits having taken 500 ticks in all (150 in the kernel); 203 opens and closes within the window, taking 120 (30).
		Snapshot after = snapshot(Map.of(id(100, 1), postmaster(ticks(45, 5)), id(202, 6), backend(ticks(90, 15))),
				ticks(1_000 + 500 + 120, 200 + 150 + 30));

		Map<String, Ticks> byKind = MachineTime.ticksByKind(before, after);

		assertThat(byKind).containsEntry(MachineTime.EXITED, ticks(200 + 120, 50 + 30))
			.containsEntry(BACKENDS, ticks(20, 5))
			.containsEntry("PostgreSQL, the rest", ticks(5, 1));
	}

	@Test
	void aPidUsedAgainIsAnotherProcess() {
		Snapshot before = snapshot(Map.of(id(100, 1), postmaster(Ticks.NONE), id(300, 2), new Process("broker", ticks(900, 90), 1)),
				Ticks.NONE);
		Snapshot after = snapshot(Map.of(id(100, 1), postmaster(Ticks.NONE), id(300, 8), new Process("harness", ticks(30, 3), 1)),
				Ticks.NONE);

		Map<String, Ticks> byKind = MachineTime.ticksByKind(before, after);

		assertThat(byKind).containsEntry("harness", ticks(30, 3))
			.containsEntry(MachineTime.EXITED, Ticks.NONE)
			.doesNotContainKey("broker");
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
		assertThat(MachineTime.ticksByKind(before, after).get("harness").all()).isGreaterThanOrEqualTo(10L);
	}

	private static Snapshot snapshot(Map<ProcessId, Process> processes, Ticks reaped) {
		return new Snapshot(processes, Map.of(POSTMASTER, reaped), new long[8], 0);
	}

	private static ProcessId id(long pid, long start) {
		return new ProcessId(pid, start);
	}

	private static Ticks ticks(long all, long kernel) {
		return new Ticks(all, kernel);
	}

	private static Process postmaster(Ticks ticks) {
		return new Process("PostgreSQL, the rest", ticks, 1);
	}

	private static Process backend(Ticks ticks) {
		return new Process(BACKENDS, ticks, POSTMASTER);
	}

}
