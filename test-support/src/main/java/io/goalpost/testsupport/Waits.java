package io.goalpost.testsupport;

import java.time.Duration;

/** How long the tests wait for what goes through the broker, one figure for all of them. */
public final class Waits {

	/**
	 * How long a test waits for records to reach a topic, or for what a consumer does with them. Longer than the
	 * broker's own bound on a transaction, the producer's {@code transaction.timeout.ms} (60 s, found on a sweep
	 * every 10 s): a {@code read_committed} reader sees nothing past an open transaction on its partitions, and one
	 * whose abort timed out (a busy broker; seen once in a run of {@code .ci/run}) was left open until then before
	 * ingest fenced such transactions. Also longer than a consumer group's session timeout (45 s), which a
	 * rebalance can wait out for a member that went away. A test that passes waits only as long as the work takes.
	 */
	public static final Duration THROUGH_KAFKA = Duration.ofSeconds(90);

	private Waits() {
	}

}
