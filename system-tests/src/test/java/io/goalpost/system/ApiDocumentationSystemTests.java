package io.goalpost.system;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's OpenAPI document covers every operation it serves under /api/, writes name the API key,
 * requests carry the corpus' examples, and the Swagger UI is served from the service itself.
 */
class ApiDocumentationSystemTests {

	private static final JsonMapper json = new JsonMapper();

	private static RunningGoalpost goalpost;

	@BeforeAll
	static void start() {
		goalpost = new RunningGoalpost();
	}

	@AfterAll
	static void stop() {
		goalpost.close();
	}

	@Test
	void documentsEveryOperationOfBothServices() {
		Map<String, Set<String>> served = goalpost.apiOperations();
		assertThat(served.get("ingest")).contains("POST /api/v1/figures", "POST /api/v1/documents");
		assertThat(served.get("metrics")).contains("GET /api/v1/regions/{region}/scorecard", "POST /api/v1/silences");

		assertThat(documented(document(goalpost.ingest()))).isEqualTo(served.get("ingest"));
		assertThat(documented(document(goalpost.metrics()))).isEqualTo(served.get("metrics"));
	}

	@Test
	void writesNeedTheApiKeyAndCarryTheCorpusExamples() {
		JsonNode ingest = document(goalpost.ingest());
		JsonNode post = ingest.at("/paths/~1api~1v1~1figures/post");
		assertThat(post.at("/security/0/apiKey").isArray()).isTrue();
		assertThat(post.at("/responses/401/description").asString()).isNotBlank();
		assertThat(ingest.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
		JsonNode content = post.at("/requestBody/content");
		assertThat(content.at("/application~1json/examples/a target/value").toString()).contains("高新技术企业突破5500家");
		assertThat(content.at("/text~1csv/examples").toString()).contains("chongqing,high_tech_enterprises,2022,target,gt,5500");
		assertThat(ingest.at("/paths/~1api~1v1~1documents/post/requestBody/content/text~1plain/examples").toString())
			.contains("5108家");

		JsonNode metrics = document(goalpost.metrics());
		JsonNode scorecard = metrics.at("/paths/~1api~1v1~1regions~1{region}~1scorecard/get");
		assertThat(scorecard.get("security")).isNull();
		assertThat(scorecard.get("parameters").findValuesAsString("name")).contains("region", "year");
		assertThat(scorecard.get("parameters").toString()).contains("\"example\":\"chongqing\"", "\"example\":2022");
		assertThat(metrics.at("/paths/~1api~1v1~1silences/post/security/0/apiKey").isArray()).isTrue();
	}

	@Test
	void servesTheSwaggerUiFromEachService() {
		for (ServiceClient service : new ServiceClient[] { goalpost.ingest(), goalpost.metrics() }) {
			var ui = service.get("/swagger-ui/index.html");
			assertThat(ui.statusCode()).isEqualTo(200);
			assertThat(ui.body()).contains("swagger-ui");
		}
	}

	private static JsonNode document(ServiceClient service) {
		var response = service.get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static Set<String> documented(JsonNode document) {
		Set<String> operations = new TreeSet<>();
		document.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (path.getKey().startsWith("/api/")) {
				operations.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
			}
		}));
		return operations;
	}

}
