package io.goalpost.metrics.security;

import java.net.http.HttpResponse;
import java.util.Map;

import io.goalpost.metrics.MetricsIntegrationTest;
import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code goalpost.security.open-reads=false}, reads of the API need a key too; health stays open. Every answer
 * carries the headers that keep a browser from misreading it.
 */
@TestPropertySource(properties = "goalpost.security.open-reads=false")
class WebSecurityIntegrationTests extends MetricsIntegrationTest {

	@Test
	void readsNeedAValidKeyWhenClosed() {
		ServiceClient metrics = metrics();
		assertThat(metrics.withApiKey(null).get("/api/v1/series").statusCode()).isEqualTo(401);
		assertThat(metrics.withApiKey("nope").get("/api/v1/alerts").statusCode()).isEqualTo(403);
		assertThat(metrics.get("/api/v1/series").statusCode()).isEqualTo(200);
		assertThat(metrics.withApiKey(null).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void everyAnswerForbidsSniffingAndFramingAndLoadsOnlyThisOrigin() {
		ServiceClient metrics = metrics();
		Map<String, HttpResponse<String>> answers = Map.of("the dashboard", metrics.get("/"), "a list",
				metrics.get("/api/v1/series"), "a 404", metrics.get("/api/v1/nothing-here"), "a 400",
				metrics.get("/api/v1/series?page=-1"), "a 401", metrics.withApiKey(null).get("/api/v1/series"));
		answers.forEach((path, response) -> {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
		});
		assertThat(metrics.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

}
