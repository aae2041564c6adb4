package io.goalpost.metrics.security;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code goalpost.security.open-reads=false}, reads of the API need a key too; health stays open. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=metrics",
		"goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY, "goalpost.security.open-reads=false" })
class ClosedReadsIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void readsNeedAValidKeyWhenClosed() {
		ServiceClient metrics = ServiceClient.onPort(port);
		assertThat(metrics.withApiKey(null).get("/api/v1/series").statusCode()).isEqualTo(401);
		assertThat(metrics.withApiKey("nope").get("/api/v1/alerts").statusCode()).isEqualTo(403);
		assertThat(metrics.get("/api/v1/series").statusCode()).isEqualTo(200);
		assertThat(metrics.withApiKey(null).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

}
