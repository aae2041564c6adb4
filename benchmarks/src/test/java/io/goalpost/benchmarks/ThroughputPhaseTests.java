package io.goalpost.benchmarks;

import java.util.List;

import io.goalpost.benchmarks.PipelineHarness.Phase;
import io.goalpost.benchmarks.PipelineHarness.Throughput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThroughputPhaseTests {

	private static final double KAFKA = 400_000;

	@Test
	void aRunIsItsMedianPhaseByRatioNotByRate() {
		Phase fastest = phase("1", 46_000, 92_000);
		Phase middleByRate = phase("2", 44_000, 80_000);
		Phase slowest = phase("3", 40_000, 84_000);

		Phase median = Phase.median(List.of(fastest, middleByRate, slowest), KAFKA);

		// Ratios 0.500, 0.550 and 0.476: the fastest phase, whose limits were the fastest too, is the middle one.
		assertThat(median).isSameAs(fastest);
		assertThat(median.ratio(KAFKA)).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void ofTwoPhasesTheLowerRatioCounts() {
		Phase lower = phase("1", 41_000, 84_000);
		Phase higher = phase("2", 44_000, 84_000);

		assertThat(Phase.median(List.of(higher, lower), KAFKA)).isSameAs(lower);
	}

	@Test
	void aPhaseIsMeasuredAgainstTheLowerOfTheTwoLimits() {
		Phase phase = phase("1", 30_000, 84_000);

		assertThat(phase.ratio(60_000)).isCloseTo(0.5, within(1e-9));
		assertThat(phase.ratio(KAFKA)).isCloseTo(30_000.0 / 84_000, within(1e-9));
	}

	private static Phase phase(String name, double rate, double postgres) {
		return new Phase(name, new Throughput(rate, ""), postgres);
	}

}
