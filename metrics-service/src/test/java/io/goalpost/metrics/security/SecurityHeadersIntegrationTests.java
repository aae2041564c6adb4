package io.goalpost.metrics.security;

import java.net.http.HttpResponse;

import io.goalpost.testsupport.Infrastructure;
import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard, the API and its errors carry the headers that keep a browser from misreading them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=metrics")
class SecurityHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void everyAnswerForbidsSniffingAndFramingAndLoadsOnlyThisOrigin() {
		ServiceClient metrics = ServiceClient.onPort(port);
		for (String path : new String[] { "/", "/api/v1/series", "/api/v1/nothing-here", "/api/v1/series?page=-1" }) {
			HttpResponse<String> response = metrics.get(path);
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
		}
		assertThat(metrics.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

}
