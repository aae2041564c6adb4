package io.goalpost.metrics.figures;

import io.goalpost.metrics.TopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * One error handler for the figure consumer: transient failures (the database down, a timeout) are retried
 * in place with a growing back-off and no limit, without committing the offset, so nothing is skipped and
 * a series keeps its order; a record that can never succeed goes at once to {@code <topic>-dlt}, same
 * partition, with the original bytes and headers saying why.
 */
@Configuration(proxyBeanMethods = false)
class FigureConsumerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FigureConsumerConfiguration.class);

	@Bean
	@SuppressWarnings("unchecked")
	DefaultErrorHandler figureErrorHandler(KafkaTemplate<String, byte[]> template, DeadLetterLog deadLetters) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + "-dlt", record.partition()));
		// Kept in the database first (idempotent), then published: a failed publish retries both.
		ConsumerRecordRecoverer recoverer = (record, ex) -> {
			deadLetters.record((ConsumerRecord<?, byte[]>) record, ex);
			publisher.accept(record, ex);
		};
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		// Retries are unlimited, so the error handler would never log a stuck record: say it on every attempt.
		handler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
				log.warn("Figure at {}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(),
						record.offset(), attempt, NestedExceptionUtils.getMostSpecificCause(ex).toString());
				deadLetters.retried();
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int attempt) {
				log.warn("A batch of {} figures failed (attempt {}): {}", records.count(), attempt,
						NestedExceptionUtils.getMostSpecificCause(ex).toString());
				deadLetters.retried();
			}

		});
		handler.addNotRetryableExceptions(UnusableFigureException.class, DataIntegrityViolationException.class);
		return handler;
	}

	@Bean
	NewTopic figuresTopic(TopicProperties topics) {
		return TopicBuilder.name(topics.figures()).partitions(topics.partitions()).build();
	}

	@Bean
	NewTopic figuresDeadLetterTopic(TopicProperties topics) {
		return TopicBuilder.name(topics.figuresDeadLetters()).partitions(topics.partitions()).build();
	}

}
