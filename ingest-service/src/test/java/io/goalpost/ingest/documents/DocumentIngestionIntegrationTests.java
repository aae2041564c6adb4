package io.goalpost.ingest.documents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.goalpost.contract.FigureReported;
import io.goalpost.ingest.IngestIntegrationTest;
import io.goalpost.testsupport.ServiceClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentIngestionIntegrationTests extends IngestIntegrationTest {

	@Test
	void readsTheFiguresOfARawArticleAndSaysWhereItsDateAndRegionCameFrom() throws Exception {
		HttpResponse<String> response = ingest.post("/api/v1/documents?dryRun=true", "text/plain", seed("000_467607316e7e62d4.txt"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reading = json.readTree(response.body());
		assertThat(reading.at("/publishedOn/value").asString()).isEqualTo("2022-01-18");
		assertThat(reading.at("/publishedOn/source").asString()).contains("front matter");
		assertThat(reading.at("/region/value").asString()).isEqualTo("chongqing");
		assertThat(reading.get("published").asInt()).isZero();
		List<JsonNode> figures = reading.get("figures").valueStream().toList();
		assertThat(figures).hasSize(11).allSatisfy((figure) -> {
			assertThat(figure.get("eventId").isNull()).isTrue();
			assertThat(figure.get("sentence").asString()).isNotBlank();
			assertThat(figure.get("end").asInt()).isGreaterThan(figure.get("start").asInt());
		});
		JsonNode target = figures.stream().filter((f) -> f.get("indicator").asString().equals("high_tech_enterprises")
				&& f.get("kind").asString().equals("target")).findFirst().orElseThrow();
		assertThat(target.get("year").asInt()).isEqualTo(2022);
		assertThat(target.get("comparator").asString()).isEqualTo("gt");
		assertThat(target.get("value").asInt()).isEqualTo(5500);
	}

	@Test
	void publishesTheFiguresOfADocumentInOneGoWithItsSourceAttached() throws Exception {
		String body = json.writeValueAsString(new DocumentSubmission(seed("003_d6c6b1012aeb5bc6.txt"), "重庆实施“双倍增”行动",
				"https://example.org/cqrb-2023-02-24", "重庆日报", "2023-02-24", "chongqing"));
		HttpResponse<String> response = ingest.postJson("/api/v1/documents", body);

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode reading = json.readTree(response.body());
		assertThat(reading.get("published").asInt()).isEqualTo(6);
		Set<String> eventIds = reading.get("figures").valueStream().map((f) -> f.get("eventId").asString()).collect(Collectors.toSet());
		assertThat(eventIds).hasSize(6);

		List<FigureReported> published = figuresWithIds(eventIds);
		assertThat(published).allSatisfy((figure) -> {
			assertThat(figure.source().url()).isEqualTo("https://example.org/cqrb-2023-02-24");
			assertThat(figure.source().publisher()).isEqualTo("重庆日报");
			assertThat(figure.source().publishedAt().toLocalDate()).hasToString("2023-02-24");
			assertThat(figure.year()).isEqualTo(2023);
		});
	}

	@Test
	void publishesAPageWithTheHeadlineAndPublisherOfItsBylineNotTheSiteAroundIt() throws Exception {
		String page = "导航菜单\n24小时举报电话:023-12345678\n重庆科技创新大会召开\n发布时间：2023-02-24  来源：重庆日报\n"
				+ "重庆今年力争高新技术企业突破7000家。\n";
		HttpResponse<String> response = ingest.post("/api/v1/documents", "text/plain; charset=utf-8", page);

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode reading = json.readTree(response.body());
		assertThat(reading.at("/title/value").asString()).isEqualTo("重庆科技创新大会召开");
		assertThat(reading.at("/publisher/value").asString()).isEqualTo("重庆日报");
		assertThat(reading.at("/publisher/source").asString()).contains("来源：重庆日报");
		FigureReported published = figuresWithIds(Set.of(reading.at("/figures/0/eventId").asString())).getFirst();
		assertThat(published.source().title()).isEqualTo("重庆科技创新大会召开");
		assertThat(published.source().publisher()).isEqualTo("重庆日报");
	}

	@Test
	void readsHtmlAndTraditionalScript() throws Exception {
		String html = "<html><head><title>重慶科技</title></head><body><p>發布時間：2026-03-03</p>"
				+ "<p>力爭高新技術企業、科技型企業分別達1.15萬家、8.6萬家。</p></body></html>";
		HttpResponse<String> response = ingest.post("/api/v1/documents?dryRun=true", "text/html; charset=utf-8", html);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reading = json.readTree(response.body());
		assertThat(reading.at("/title/value").asString()).isEqualTo("重慶科技");
		assertThat(reading.get("figures").findValuesAsString("indicator")).containsExactly("high_tech_enterprises", "tech_smes");
		int start = reading.at("/figures/0/start").asInt();
		int end = reading.at("/figures/0/end").asInt();
		assertThat(html.substring(start, end)).isEqualTo("1.15萬家");
	}

	@Test
	void answersBadDocumentsWithProblems() throws Exception {
		HttpResponse<String> noText = ingest.postJson("/api/v1/documents", "{\"title\":\"empty\"}");
		assertThat(noText.statusCode()).isEqualTo(422);
		assertThat(json.readTree(noText.body()).at("/errors/0/field").asString()).isEqualTo("text");

		HttpResponse<String> badDate = ingest.postJson("/api/v1/documents", "{\"text\":\"力争高新技术企业突破7000家。\",\"publishedAt\":\"last spring\"}");
		assertThat(badDate.statusCode()).isEqualTo(422);

		HttpRequest invalidUtf8 = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/v1/documents"))
			.header("Content-Type", "text/plain")
			.header("X-Api-Key", ServiceClient.TEST_API_KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { (byte) 0xE9, (byte) 0x87, 0x41, (byte) 0xFF }))
			.build();
		HttpResponse<String> notUtf8 = HttpClient.newHttpClient().send(invalidUtf8, HttpResponse.BodyHandlers.ofString());
		assertThat(notUtf8.statusCode()).isEqualTo(400);
		assertThat(notUtf8.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> tooLarge = ingest.post("/api/v1/documents", "text/plain", "高新技术企业".repeat(12_000));
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(json.readTree(tooLarge.body()).get("detail").asString()).contains("max-body-size");

		assertThat(ingest.withApiKey(null).post("/api/v1/documents", "text/plain", "x").statusCode()).isEqualTo(401);
	}

	private static String seed(String file) throws Exception {
		return Files.readString(Path.of(System.getProperty("goalpost.corpus", "../../shared/corpus"), "seeds", file));
	}

}
