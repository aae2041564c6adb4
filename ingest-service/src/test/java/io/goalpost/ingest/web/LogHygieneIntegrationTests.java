package io.goalpost.ingest.web;

import io.goalpost.ingest.IngestIntegrationTest;
import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys and request bodies never reach the logs, whatever the request's fate. */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIntegrationTests extends IngestIntegrationTest {

	private static final String WRONG_KEY = "S3CR3T-wrong-key-4711";

	private static final String BODY_MARKER = "body-marker-4711";

	@Test
	void logsNeitherKeysNorBodies(CapturedOutput output) {
		String figure = "{\"region\":\"chongqing\",\"indicator\":\"gdp\",\"year\":2021,\"kind\":\"actual\",\"value\":27800,\"sentence\":\""
				+ BODY_MARKER + "\"}";
		assertThat(ingest.postJson("/api/v1/figures", figure).statusCode()).isEqualTo(202);
		assertThat(ingest.withApiKey(WRONG_KEY).postJson("/api/v1/figures", figure).statusCode()).isEqualTo(403);
		assertThat(ingest.postJson("/api/v1/figures", "{\"" + BODY_MARKER + "\": ").statusCode()).isEqualTo(400);
		assertThat(ingest.post("/api/v1/documents?dryRun=true", "text/plain", BODY_MARKER).statusCode()).isEqualTo(200);

		assertThat(output.getAll()).contains("Refused POST /api/v1/figures", "wrong API key")
			.doesNotContain(WRONG_KEY, ServiceClient.TEST_API_KEY, BODY_MARKER);
	}

}
