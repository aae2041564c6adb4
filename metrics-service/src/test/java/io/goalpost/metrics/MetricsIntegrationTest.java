package io.goalpost.metrics;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * metrics-service on a random port, with a database, topics and consumer group of its own, taking the test key
 * for writes; a subclass adds its own properties with {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=metrics", "goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY })
public abstract class MetricsIntegrationTest {

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	protected ServiceClient metrics() {
		return ServiceClient.onPort(port);
	}

}
