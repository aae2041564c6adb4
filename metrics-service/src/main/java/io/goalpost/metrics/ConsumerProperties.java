package io.goalpost.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency consumer threads of this instance (each takes some of the figures topic's partitions)
 * @param heldSeries how many series the consumers keep in memory between batches at most; beyond it they are
 *        dropped and read again when their figures next come
 */
@ConfigurationProperties("goalpost.consumer")
public record ConsumerProperties(@DefaultValue("3") int concurrency, @DefaultValue("100000") int heldSeries) {
}
