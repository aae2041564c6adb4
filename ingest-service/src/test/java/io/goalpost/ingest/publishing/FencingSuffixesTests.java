package io.goalpost.ingest.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.goalpost.ingest.publishing.TransactionFencing.FencingSuffixes;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FencingSuffixesTests {

	/**
	 * An earlier instance left ids 0 and 3 open. 0 is taken already, and its producer's start fences it; 3 is fenced
	 * here and handed out only after that (with no broker, once the transaction timeout has passed).
	 */
	@Test
	void fencesTheIdsAnEarlierInstanceLeftOpenThatThisOneHasNotTaken() {
		FencingSuffixes suffixes = unreachable();
		try {
			assertThat(suffixes.acquireSuffix("p-")).isEqualTo("0");
			suffixes.fenceLeftOpen("p-", List.of("p-0", "p-3", "other-5", "p-x", "p-"));
			List<String> taken = new ArrayList<>();
			await().until(() -> {
				taken.add(suffixes.acquireSuffix("p-"));
				return taken.contains("3");
			});
			assertThat(taken).as("past the ids left open, until 3 is given back")
				.startsWith("4", "5")
				.doesNotContain("0", "1", "2")
				.endsWith("3");
		}
		finally {
			suffixes.onApplicationEvent(null);
		}
	}

	/** With no broker the id cannot be fenced; once the transaction timeout has passed there is nothing to fence. */
	@Test
	void givesAnIdBackUnfencedOnceTheTransactionTimeoutHasPassed() {
		FencingSuffixes suffixes = unreachable();
		try {
			assertThat(suffixes.acquireSuffix("p-")).isEqualTo("0");
			suffixes.releaseSuffix("p-", "0");
			assertThat(suffixes.acquireSuffix("p-")).as("not given back while it may still be fenced").isEqualTo("1");

			// Each try takes a new number, until the one given back comes first.
			await().until(() -> suffixes.acquireSuffix("p-"), "0"::equals);
		}
		finally {
			suffixes.onApplicationEvent(null);
		}
	}

	/** Fences against a port where no broker listens, and gives up after 1.5 s. */
	private static FencingSuffixes unreachable() {
		FencingSuffixes suffixes = new FencingSuffixes();
		suffixes.configure(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.MAX_BLOCK_MS_CONFIG,
				200, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 1500));
		return suffixes;
	}

}
