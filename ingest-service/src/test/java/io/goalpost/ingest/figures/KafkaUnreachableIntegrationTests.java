package io.goalpost.ingest.figures;

import java.net.http.HttpResponse;

import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** With no broker to reach, a write fails fast and says so, and readiness goes down. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=ingest", "goalpost.security.api-keys=" + ServiceClient.TEST_API_KEY,
				"spring.kafka.bootstrap-servers=localhost:1", "spring.kafka.producer.properties.max.block.ms=1500",
				"goalpost.health.kafka-timeout=500ms", "spring.kafka.admin.properties.default.api.timeout.ms=1000",
				"spring.kafka.admin.properties.request.timeout.ms=1000" })
class KafkaUnreachableIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void answers503WithRetryAfterAndGoesUnready() {
		ServiceClient ingest = ServiceClient.onPort(port);
		HttpResponse<String> response = ingest.postJson("/api/v1/figures",
				"{\"region\":\"chongqing\",\"indicator\":\"gdp\",\"year\":2021,\"kind\":\"actual\",\"value\":27800}");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).contains("nothing of this request was published");

		assertThat(ingest.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(ingest.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

}
