package io.goalpost.ingest.publishing;

import io.goalpost.contract.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param figures where figures are published
 * @param partitions partitions of the figures topic when this service creates it; the upper bound on
 * metrics-service instances sharing the work
 */
@ConfigurationProperties("goalpost.topics")
public record TopicProperties(@DefaultValue(Topics.FIGURES) String figures, @DefaultValue("6") int partitions) {
}
