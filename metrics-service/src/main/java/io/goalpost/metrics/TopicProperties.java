package io.goalpost.metrics;

import io.goalpost.contract.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param figures the topic figures are consumed from; its dead letters go to {@code <figures>-dlt}
 * @param alerts the topic alert changes are published to; the current state of each alert goes to the
 *        compacted {@code <alerts>-current}
 * @param partitions partitions of the topics when this service creates them
 */
@ConfigurationProperties("goalpost.topics")
public record TopicProperties(@DefaultValue(Topics.FIGURES) String figures, @DefaultValue(Topics.ALERTS) String alerts,
		@DefaultValue("6") int partitions) {

	public String figuresDeadLetters() {
		return figures + "-dlt";
	}

	public String alertsCurrent() {
		return alerts + "-current";
	}

}
