package io.goalpost.ingest.publishing;

import java.util.Map;

import io.goalpost.ingest.publishing.TransactionFencing.FencingSuffixes;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FencingSuffixesTests {

	/** With no broker the id cannot be fenced; once the transaction timeout has passed there is nothing to fence. */
	@Test
	void givesAnIdBackUnfencedOnceTheTransactionTimeoutHasPassed() {
		FencingSuffixes suffixes = new FencingSuffixes();
		suffixes.configure(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.MAX_BLOCK_MS_CONFIG,
				200, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 1500));
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

}
