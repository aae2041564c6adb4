package io.goalpost.testsupport;

import java.time.Duration;

/** How long the tests wait for what goes through the broker, one figure for all of them. */
public final class Waits {

	/**
	 * How long a test waits for records to reach a topic, or for what a consumer does with them. Longer than the
	 * broker's own bound on a transaction: when a refused request's abort times out (a busy broker; seen once in a
	 * run of {@code .ci/run}, after ingest's file over the CSV limit), its transaction stays open until the broker
	 * aborts it at the producer's {@code transaction.timeout.ms} (60 s, found on a sweep every 10 s), and a
	 * {@code read_committed} reader sees nothing after it on its partitions until then. Also longer than a consumer
	 * group's session timeout (45 s), which a rebalance can wait out for a member that went away. A test that
	 * passes waits only as long as the work takes.
	 */
	public static final Duration THROUGH_KAFKA = Duration.ofSeconds(90);

	private Waits() {
	}

}
