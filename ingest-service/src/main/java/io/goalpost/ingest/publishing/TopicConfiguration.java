package io.goalpost.ingest.publishing;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

	@Bean
	NewTopic figuresTopic(TopicProperties topics) {
		return TopicBuilder.name(topics.figures()).partitions(topics.partitions()).build();
	}

}
