package io.goalpost.metrics.alerts;

import io.goalpost.metrics.TopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The two alert topics: every change, and the compacted current state of each alert. */
@Configuration(proxyBeanMethods = false)
class AlertTopicConfiguration {

	@Bean
	NewTopic alertsTopic(TopicProperties topics) {
		return TopicBuilder.name(topics.alerts()).partitions(topics.partitions()).build();
	}

	@Bean
	NewTopic alertsCurrentTopic(TopicProperties topics) {
		return TopicBuilder.name(topics.alertsCurrent())
			.partitions(topics.partitions())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

}
