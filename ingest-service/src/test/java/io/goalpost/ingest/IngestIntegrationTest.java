package io.goalpost.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ingest-service on a random port against the test broker, with a figures topic of its own that
 * {@link #topic} reads as a subscriber would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=ingest", "goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY,
				"goalpost.http.max-body-size=64KB", "goalpost.http.max-csv-body-size=4MB" })
public abstract class IngestIntegrationTest {

	protected static final String CSV = "text/csv";

	protected static TopicReader topic;

	/** What {@link #published} has decoded of {@link #topic} so far; the topic is only ever appended to. */
	private static final List<FigureReported> decoded = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	protected JsonMapper json;

	/** This context's topic: read from it, since a static field set as properties are registered is the last context's. */
	@Value("${goalpost.topics.figures}")
	protected String figuresTopic;

	protected ServiceClient ingest;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@BeforeEach
	void connect() {
		ingest = ServiceClient.onPort(port);
		// The topic's name is known once the context has started, after any @BeforeAll.
		if (topic == null) {
			topic = TopicReader.of(figuresTopic);
		}
	}

	@AfterAll
	static void disconnect() {
		topic.close();
		topic = null;
		synchronized (decoded) {
			decoded.clear();
		}
	}

	/** The figures on the topic whose sentence is {@code marker} or starts with {@code marker-}. */
	protected static List<FigureReported> published(String marker) {
		List<ConsumerRecord<String, byte[]>> records = topic.records();
		synchronized (decoded) {
			records.subList(decoded.size(), records.size())
				.forEach((record) -> decoded.add(EventCodec.read(record.value(), FigureReported.class)));
			return decoded.stream()
				.filter((figure) -> figure.sentence() != null
						&& (figure.sentence().equals(marker) || figure.sentence().startsWith(marker + "-")
								|| figure.sentence().startsWith(marker + " ")))
				.toList();
		}
	}

	/**
	 * Posts one figure ({@code figure}: region, indicator, year, kind and value, as a CSV row) and waits until the
	 * topic's subscriber reads it; by then nothing of {@code marker} may be on the topic.
	 */
	protected void assertNothingPublishedBefore(String figure, String marker) {
		String after = "after-" + System.nanoTime();
		HttpResponse<String> response = ingest.post("/api/v1/figures", CSV, "region,indicator,year,kind,value,sentence\n" + figure + "," + after + "\n");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		await().atMost(THROUGH_KAFKA).until(() -> published(after).size() == 1);
		assertThat(published(marker)).isEmpty();
	}

	/** The records on the topic whose CloudEvent id is one of {@code eventIds}, in the topic's order. */
	protected static List<ConsumerRecord<String, byte[]>> withIds(Collection<String> eventIds) {
		return topic.records()
			.stream()
			.filter((record) -> eventIds.contains(CloudEventRecords.header(record, EventTypes.HEADER_ID)))
			.toList();
	}

	/** The figures whose CloudEvent ids are {@code eventIds}, read once every one of them is on the topic. */
	protected static List<FigureReported> figuresWithIds(Collection<String> eventIds) {
		return await().atMost(THROUGH_KAFKA)
			.until(() -> withIds(eventIds), (found) -> found.size() == eventIds.size())
			.stream()
			.map((r) -> EventCodec.read(r.value(), FigureReported.class))
			.toList();
	}

	protected int port() {
		return port;
	}

}
