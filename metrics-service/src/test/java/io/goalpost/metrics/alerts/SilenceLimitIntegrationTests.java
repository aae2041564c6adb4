package io.goalpost.metrics.alerts;

import java.net.http.HttpResponse;

import io.goalpost.metrics.MetricsIntegrationTest;
import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every batch that changes an alert checks it against each active silence, so there may be only so many. */
@TestPropertySource(properties = "goalpost.alerts.max-silences=2")
class SilenceLimitIntegrationTests extends MetricsIntegrationTest {

	private static final String SILENCE = """
			{"matchers": [{"name": "region", "value": "beijing"}], "endsAt": "2099-01-01T00:00:00Z", "comment": "review"}""";

	@Test
	void refusesASilencePastTheLimitUntilOneEnds() {
		ServiceClient metrics = metrics();
		String first = metrics.postJson("/api/v1/silences", SILENCE).headers().firstValue("Location").orElseThrow();
		assertThat(metrics.postJson("/api/v1/silences", SILENCE).statusCode()).isEqualTo(201);

		HttpResponse<String> refused = metrics.postJson("/api/v1/silences", SILENCE);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("goalpost.alerts.max-silences");

		assertThat(metrics.delete(first).statusCode()).isEqualTo(204);
		assertThat(metrics.postJson("/api/v1/silences", SILENCE).statusCode()).isEqualTo(201);
	}

}
