package io.goalpost.ingest.publishing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import io.goalpost.ingest.IngestIntegrationTest;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused request whose abort does not reach the broker leaves its transaction open, and readers of committed
 * records wait on it. Here the broker would end it only after five minutes, well past the test's wait: only the
 * fencing of its transactional id lets the next figure on the same partition through.
 */
@TestPropertySource(properties = "spring.kafka.producer.properties.transaction.timeout.ms=300000")
class TransactionFencingIntegrationTests extends IngestIntegrationTest {

	/** Set, the next abort fails as one that timed out would, and the transaction is never ended on the broker. */
	static final AtomicBoolean nextAbortTimesOut = new AtomicBoolean();

	@Test
	void aFigureAfterAnAbortThatTimedOutIsReadWithoutWaitingForTheBrokerToEndTheTransaction() {
		String refused = "fencing-refused-" + System.nanoTime();
		nextAbortTimesOut.set(true);
		HttpResponse<String> response = ingest.post("/api/v1/figures", CSV, """
				region,indicator,year,kind,value,sentence
				chongqing,tech_smes,2022,target,40000,%1$s
				chongqing,tech_smes,last year,actual,36900,%1$s
				""".formatted(refused));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(nextAbortTimesOut).as("the refused file's abort was tried, and failed").isFalse();

		// The same series: the same key and partition, behind the transaction left open.
		assertNothingPublishedBefore("chongqing,tech_smes,2023,target,45000", refused);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class AbortsThatTimeOut {

		@Bean
		DefaultKafkaProducerFactoryCustomizer abortsThatTimeOut() {
			return (factory) -> factory.addPostProcessor(AbortsThatTimeOut::failingAbort);
		}

		@SuppressWarnings("unchecked")
		private static <K, V> Producer<K, V> failingAbort(Producer<K, V> producer) {
			return (Producer<K, V>) Proxy.newProxyInstance(Producer.class.getClassLoader(), new Class<?>[] { Producer.class },
					(proxy, method, args) -> {
						if (method.getName().equals("abortTransaction") && nextAbortTimesOut.compareAndSet(true, false)) {
							throw new TimeoutException("Timeout expired after 5000ms while awaiting EndTxn(false)");
						}
						try {
							return method.invoke(producer, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
