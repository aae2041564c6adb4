package io.goalpost.ingest;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import io.goalpost.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;

/**
 * ingest-service on a random port against the test broker, with a figures topic of its own that
 * {@link #topic} reads as a subscriber would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=ingest", "goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY,
				"goalpost.http.max-body-size=64KB", "goalpost.http.max-csv-body-size=4MB" })
public abstract class IngestIntegrationTest {

	private static String figuresTopic;

	protected static TopicReader topic;

	@LocalServerPort
	int port;

	@Autowired
	protected JsonMapper json;

	protected ServiceClient ingest;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		figuresTopic = "indicator-figures-" + Infrastructure.register(registry);
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
	}

	protected int port() {
		return port;
	}

}
