package io.goalpost.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency consumer threads of this instance (each takes some of the figures topic's partitions); two, one
 *        a core of the machine measured: three cost about an eighth more a figure there (docs/benchmarks.md,
 *        "Runs 188–197")
 * @param heldSeries how many series the consumers keep in memory between batches at most; beyond it they are
 *        dropped and read again when their figures next come
 */
@ConfigurationProperties("goalpost.consumer")
public record ConsumerProperties(@DefaultValue(ConsumerProperties.CONCURRENCY) int concurrency,
		@DefaultValue("100000") int heldSeries) {

	/** The default {@code concurrency}, also where the figure listener is declared and in the benchmark harness. */
	public static final String CONCURRENCY = "2";

}
