package io.goalpost.ingest.figures;

import java.net.http.HttpResponse;
import java.util.Set;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.ingest.IngestIntegrationTest;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.ServiceClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FigureIngestionIntegrationTests extends IngestIntegrationTest {

	@Test
	void publishesOneCloudEventPerFigureKeyedBySeries() {
		HttpResponse<String> response = ingest.postJson("/api/v1/figures", """
				[{"region":"chongqing","indicator":"high_tech_enterprises","year":2022,"kind":"target",
				  "comparator":"gt","value":5500,"unit":"count",
				  "source":{"title":"政府工作报告","url":"https://example.org/report-2022","publisher":"重庆市人民政府","publishedAt":"2022-01-17"},
				  "sentence":"高新技术企业突破5500家"},
				 {"region":"chongqing","indicator":"rd_intensity","year":2022,"kind":"target","comparator":"approx","value":2.3,
				  "source":{"url":"https://example.org/report-2022","publishedAt":"2022-01-17"}}]
				""");

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("accepted").asInt()).isEqualTo(2);
		String firstId = body.get("figures").get(0).get("eventId").asString();

		ConsumerRecord<String, byte[]> record = await().atMost(THROUGH_KAFKA)
			.until(() -> withIds(Set.of(firstId)), (found) -> found.size() == 1)
			.getFirst();
		assertThat(record.key()).isEqualTo("chongqing:high_tech_enterprises");
		assertThat(CloudEventRecords.header(record, EventTypes.HEADER_TYPE)).isEqualTo(EventTypes.FIGURE_REPORTED);
		assertThat(CloudEventRecords.header(record, EventTypes.HEADER_SPEC_VERSION)).isEqualTo("1.0");
		assertThat(CloudEventRecords.header(record, EventTypes.HEADER_SOURCE)).isEqualTo("/goalpost/ingest-service");
		assertThat(CloudEventRecords.header(record, EventTypes.HEADER_TIME)).isNotBlank();
		FigureReported figure = EventCodec.read(record.value(), FigureReported.class);
		assertThat(figure.kind()).isEqualTo(FigureKind.TARGET);
		assertThat(figure.value()).isEqualByComparingTo("5500");
		assertThat(figure.unit()).isEqualTo("count");
		assertThat(figure.source().publishedAt()).hasToString("2022-01-17T00:00+08:00");
		assertThat(figure.sentence()).isEqualTo("高新技术企业突破5500家");
	}

	@Test
	void givesTheSameFigurePostedTwiceTheSameEventId() {
		String figure = """
				{"region":"chongqing","indicator":"tech_smes","year":2021,"kind":"actual","value":36900,
				 "source":{"url":"https://example.org/news-2022-01-18"}}
				""";
		String first = json.readTree(ingest.postJson("/api/v1/figures", figure).body()).at("/figures/0/eventId").asString();
		String second = json.readTree(ingest.postJson("/api/v1/figures", figure).body()).at("/figures/0/eventId").asString();
		assertThat(first).isNotBlank().isEqualTo(second);
	}

	@Test
	void rejectsInvalidFiguresByFieldAndPublishesNoneOfTheRequest() {
		HttpResponse<String> response = ingest.postJson("/api/v1/figures", """
				[{"region":"chongqing","indicator":"tech_smes","year":2022,"kind":"target","value":40000,"sentence":"valid-but-with-bad-neighbours"},
				 {"region":"chongqing","indicator":"unicorns","year":2022,"kind":"target","value":3},
				 {"region":"chongqing","indicator":"tech_smes","year":1800,"kind":"actual","value":-5,"unit":"percent"}]
				""");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("[1].indicator", "[2].year",
				"[2].unit", "[2].value");

		String marker = publishMarker();
		await().atMost(THROUGH_KAFKA).until(() -> withIds(Set.of(marker)).size() == 1);
		assertThat(topic.records()).noneMatch((record) -> new String(record.value()).contains("valid-but-with-bad-neighbours"));
	}

	@Test
	void namesTheFieldOfAWrongTypeAndRejectsMalformedJson() {
		HttpResponse<String> wrongType = ingest.postJson("/api/v1/figures",
				"{\"region\":\"chongqing\",\"indicator\":\"gdp\",\"year\":\"last year\",\"kind\":\"actual\",\"value\":1}");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(json.readTree(wrongType.body()).at("/errors/0/field").asString()).isEqualTo("[0].year");

		HttpResponse<String> malformed = ingest.postJson("/api/v1/figures", "{\"region\": ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json.readTree(malformed.body()).get("detail").asString()).contains("not valid JSON");

		HttpResponse<String> notANumber = ingest.postJson("/api/v1/figures",
				"{\"region\":\"chongqing\",\"indicator\":\"gdp\",\"year\":2021,\"kind\":\"actual\",\"value\":NaN}");
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(json.readTree(notANumber.body()).at("/errors/0/field").asString()).isEqualTo("[0].value");

		HttpResponse<String> infinite = ingest.postJson("/api/v1/figures",
				"{\"region\":\"chongqing\",\"indicator\":\"gdp\",\"year\":2021,\"kind\":\"actual\",\"value\":-Infinity}");
		assertThat(infinite.statusCode()).isEqualTo(400);
		assertThat(json.readTree(infinite.body()).at("/errors/0/field").asString()).isEqualTo("[0].value");
	}

	@Test
	void refusesWritesWithoutAValidApiKey() {
		String figure = "{\"region\":\"chongqing\",\"indicator\":\"gdp\",\"year\":2021,\"kind\":\"actual\",\"value\":27800}";

		HttpResponse<String> anonymous = ingest.withApiKey(null).postJson("/api/v1/figures", figure);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> wrongKey = ingest.withApiKey("test-kez").postJson("/api/v1/figures", figure);
		assertThat(wrongKey.statusCode()).isEqualTo(403);
	}

	@Test
	void reportsKafkaInHealth() {
		HttpResponse<String> health = ingest.get("/actuator/health");
		assertThat(json.readTree(health.body()).at("/components/kafka/status").asString()).isEqualTo("UP");
	}

	private String publishMarker() {
		HttpResponse<String> response = ingest.postJson("/api/v1/figures",
				"{\"region\":\"chongqing\",\"indicator\":\"gdp\",\"year\":2020,\"kind\":\"actual\",\"value\":"
						+ System.nanoTime() % 100000 + "}");
		assertThat(response.statusCode()).isEqualTo(202);
		return json.readTree(response.body()).at("/figures/0/eventId").asString();
	}

}
