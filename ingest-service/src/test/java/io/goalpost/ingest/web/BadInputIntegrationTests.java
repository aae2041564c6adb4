package io.goalpost.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureReported;
import io.goalpost.ingest.IngestIntegrationTest;
import io.goalpost.support.CloudEventRecords;
import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input corpus ({@code bad-input/cases.json}): each bad request gets its status and an RFC 9457
 * problem naming what is wrong, nothing of it is published, and the service stays healthy.
 */
class BadInputIntegrationTests extends IngestIntegrationTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static Stream<JsonNode> cases() throws IOException {
		try (InputStream in = BadInputIntegrationTests.class.getResourceAsStream("/bad-input/cases.json")) {
			return new JsonMapper().readTree(in).get("cases").valueStream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersWithAProblemAndStaysHealthy(JsonNode badCase) throws Exception {
		HttpResponse<String> response = send(badCase);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(badCase.get("status").asInt());
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(badCase.get("status").asInt());
		assertThat(problem.get("detail").asString()).isNotBlank();
		if (badCase.has("field")) {
			assertThat(problem.get("errors").findValuesAsString("field")).contains(badCase.get("field").asString());
		}
		if (badCase.has("detail")) {
			assertThat(problem.get("detail").asString()).contains(badCase.get("detail").asString());
		}
		assertThat(ingest.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void publishesNothingOfARejectedRequest() throws Exception {
		int before = awaitPublished(postMarker());
		for (JsonNode badCase : cases().toList()) {
			send(badCase);
		}
		String after = postMarker();
		assertThat(awaitPublished(after)).isEqualTo(before + 1);
	}

	@Test
	void keepsInjectedMarkupAndSqlAsPlainData() {
		String hostile = "'; DROP TABLE series; -- <script>alert('x')</script> \u202Eevil\u202C 🎯 ${jndi:ldap://x}";
		String body = """
				{"region":"chongqing","indicator":"gdp","year":2021,"kind":"actual","value":27800,
				 "source":{"title":%1$s,"url":%1$s,"publisher":%1$s},"sentence":%1$s}
				""".formatted(json.writeValueAsString(hostile));
		HttpResponse<String> response = ingest.postJson("/api/v1/figures", body);
		assertThat(response.statusCode()).isEqualTo(202);
		String eventId = json.readTree(response.body()).at("/figures/0/eventId").asString();

		FigureReported published = EventCodec.read(await().atMost(THROUGH_KAFKA)
			.until(() -> withIds(Set.of(eventId)), (found) -> !found.isEmpty())
			.getFirst()
			.value(), FigureReported.class);
		assertThat(List.of(published.sentence(), published.source().title(), published.source().url(),
				published.source().publisher())).containsOnly(hostile);
	}

	private HttpResponse<String> send(JsonNode badCase) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + badCase.get("path").asString()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", badCase.get("contentType").asString())
			.header("X-Api-Key", ServiceClient.TEST_API_KEY)
			.POST(badCase.path("generate").asString("").endsWith("-chunked")
					? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body(badCase)))
					: HttpRequest.BodyPublishers.ofByteArray(body(badCase)));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] body(JsonNode badCase) {
		if (badCase.has("bodyBytesHex")) {
			return HexFormat.of().parseHex(badCase.get("bodyBytesHex").asString().replace(" ", ""));
		}
		if (badCase.has("generate")) {
			String generated = switch (badCase.get("generate").asString()) {
				// The tests run with a 64 KB limit.
				case "oversize", "oversize-chunked" -> "[" + "{\"region\":\"chongqing\"},".repeat(5_000) + "{}]";
				case "deep" -> "[".repeat(200) + "]".repeat(200);
				case "too-many" -> "[" + "{}," .repeat(5_000) + "{}]";
				default -> throw new IllegalArgumentException(badCase.get("generate").asString());
			};
			return generated.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		return badCase.get("body").asString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private String postMarker() {
		HttpResponse<String> response = ingest.postJson("/api/v1/figures",
				"{\"region\":\"chongqing\",\"indicator\":\"gdp\",\"year\":2019,\"kind\":\"actual\",\"value\":" + System.nanoTime() % 100000 + "}");
		assertThat(response.statusCode()).isEqualTo(202);
		return json.readTree(response.body()).at("/figures/0/eventId").asString();
	}

	/** How many records the topic holds once the one with this event id has arrived. */
	private int awaitPublished(String eventId) {
		return await().atMost(THROUGH_KAFKA).until(() -> {
			var records = topic.records();
			return records.stream().anyMatch((r) -> eventId.equals(CloudEventRecords.header(r, EventTypes.HEADER_ID)))
					? records.size() : -1;
		}, (count) -> count > 0);
	}

}
