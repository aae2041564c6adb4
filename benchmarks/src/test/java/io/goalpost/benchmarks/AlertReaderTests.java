package io.goalpost.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.goalpost.contract.EventTypes;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.TestProducer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlertReaderTests {

	@Test
	void aPausedReaderReadsNothingUntilItCatchesUpWithEverythingSentMeanwhile() throws Exception {
		String topic = "alert-reader-" + UUID.randomUUID();
		Infrastructure.createTopics(2, topic);
		try (TestProducer producer = new TestProducer();
				AlertReader reader = new AlertReader(Infrastructure.kafka().bootstrapServers(), topic)) {
			send(producer, topic, "before-1", "before-2");
			await().atMost(Duration.ofSeconds(30)).until(() -> reader.received().size() == 2);

			reader.pause();
			send(producer, topic, "paused-1", "paused-2", "paused-3");
			// A reader that went on fetching has them within a poll or two (20 ms each).
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> reader.received().size() == 2);

			long read = reader.catchUp(() -> 5L, Duration.ofSeconds(30));

			assertThat(read).isEqualTo(3);
			assertThat(reader.received()).containsOnlyKeys("before-1", "before-2", "paused-1", "paused-2", "paused-3");
		}
	}

	private static void send(TestProducer producer, String topic, String... eventIds) {
		for (String id : eventIds) {
			producer.send(topic, "series", id.getBytes(StandardCharsets.UTF_8), Map.of(EventTypes.HEADER_ID, id));
		}
	}

}
