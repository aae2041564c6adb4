package io.goalpost.ingest.figures;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.ingest.IngestIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CsvIngestionIntegrationTests extends IngestIntegrationTest {

	@Test
	void publishesEveryRowOfACsvBodyWithNestedSourceColumns() {
		String marker = "csv-" + System.nanoTime();
		HttpResponse<String> response = ingest.post("/api/v1/figures", "text/csv; charset=utf-8", """
				\uFEFFregion,indicator,year,kind,comparator,value,status,source.title,source.url,source.publishedAt,sentence\r
				chongqing,high_tech_enterprises,2022,target,gt,5500,,政府工作报告,https://example.org/r2022,2022-01-17,"%1$s 力争高新技术企业突破5500家、科技型企业超过4万家"\r
				chongqing,high_tech_enterprises,2022,actual,,5108,final,"新闻, 2023",https://example.org/n2023,2023-01-12,"%1$s 高新技术企业
				达到5108家"\r
				\r
				chongqing,rd_intensity,2022,target,approx,2.3,,,,,%1$s\r
				""".formatted(marker));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(json.readTree(response.body()).get("accepted").asLong()).isEqualTo(3);
		List<FigureReported> figures = await().atMost(THROUGH_KAFKA)
			.until(() -> published(marker), (found) -> found.size() == 3);
		FigureReported target = only(figures, "high_tech_enterprises", FigureKind.TARGET);
		assertThat(target.key()).isEqualTo("chongqing:high_tech_enterprises");
		assertThat(target.comparator()).isEqualTo(Comparator.GT);
		assertThat(target.value()).isEqualByComparingTo("5500");
		assertThat(target.source().title()).isEqualTo("政府工作报告");
		assertThat(target.source().publishedAt()).hasToString("2022-01-17T00:00+08:00");
		FigureReported actual = only(figures, "high_tech_enterprises", FigureKind.ACTUAL);
		assertThat(actual.status()).isEqualTo(FigureStatus.FINAL);
		assertThat(actual.source().title()).isEqualTo("新闻, 2023");
		assertThat(actual.sentence()).isEqualTo(marker + " 高新技术企业\n达到5108家");
		FigureReported intensity = only(figures, "rd_intensity", FigureKind.TARGET);
		assertThat(intensity.comparator()).isEqualTo(Comparator.APPROX);
		assertThat(intensity.source().url()).isNull();
	}

	private static FigureReported only(List<FigureReported> figures, String indicator, FigureKind kind) {
		return figures.stream().filter((f) -> f.indicator().equals(indicator) && f.kind() == kind).reduce((a, b) -> {
			throw new AssertionError("two " + kind + " figures of " + indicator);
		}).orElseThrow();
	}

	@Test
	void listsTheWrongRowsByNumberAndPublishesNoneOfTheFile() {
		String marker = "csv-bad-" + System.nanoTime();
		HttpResponse<String> response = ingest.post("/api/v1/figures", CSV, """
				region,indicator,year,kind,value,sentence
				chongqing,tech_smes,2022,target,40000,%1$s
				chongqing,unicorns,2022,target,3,%1$s
				chongqing,tech_smes,last year,actual,36900,%1$s
				chongqing,tech_smes,2021,actual,36900,%1$s
				chongqing,tech_smes,2021
				""".formatted(marker));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors).hasSize(3);
		assertThat(errors.get(0).get("row").asLong()).isEqualTo(3);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("indicator");
		assertThat(errors.get(1).get("row").asLong()).isEqualTo(4);
		assertThat(errors.get(1).get("field").asString()).isEqualTo("year");
		assertThat(errors.get(2).get("row").asLong()).isEqualTo(6);
		assertThat(errors.get(2).get("message").asString()).isEqualTo("has 3 fields; the header has 6");

		assertNothingPublishedBefore("chongqing,gdp,2020,actual,25000", marker);
	}

	@Test
	void refusesAHeaderThatIsNotOneOfFiguresBeforeReadingTheRows() {
		HttpResponse<String> unknown = ingest.post("/api/v1/figures", CSV, "region,indicator,yaer,kind,value\nchongqing,gdp,2020,actual,1\n");
		assertThat(unknown.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(unknown.body());
		assertThat(problem.at("/errors/0/row").asLong()).isEqualTo(1);
		assertThat(problem.get("detail").asString()).contains("unknown column 'yaer'").contains("source.publishedAt");

		HttpResponse<String> missing = ingest.post("/api/v1/figures", CSV, "region,indicator,year,kind\n");
		assertThat(json.readTree(missing.body()).get("detail").asString()).contains("lacks the required column(s) value");

		HttpResponse<String> headerOnly = ingest.post("/api/v1/figures", CSV, "region,indicator,year,kind,value\n");
		assertThat(headerOnly.statusCode()).isEqualTo(422);
		assertThat(json.readTree(headerOnly.body()).at("/errors/0/message").asString()).isEqualTo("at least one figure is required");
	}

	@Test
	void streamsAFileManyTimesTheJsonBodyLimitAndRefusesOneOverTheCsvLimit() {
		String marker = "csv-big-" + System.nanoTime();
		int rows = 20_000;
		HttpResponse<String> response = ingest.postStream("/api/v1/figures", CSV, () -> csv(marker, rows));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(json.readTree(response.body()).get("accepted").asLong()).isEqualTo(rows);
		await().atMost(THROUGH_KAFKA).until(() -> published(marker).size() == rows);
		List<FigureReported> figures = published(marker);
		assertThat(figures).extracting(FigureReported::sentence)
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, rows).mapToObj((row) -> marker + "-" + row).toList());

		String tooLarge = "csv-huge-" + System.nanoTime();
		HttpResponse<String> refused = ingest.postStream("/api/v1/figures", CSV, () -> csv(tooLarge, 100_000));
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(json.readTree(refused.body()).get("detail").asString()).contains("goalpost.http.max-csv-body-size");
		assertThat(published(tooLarge)).isEmpty();
	}

	/** Rows made as they are read, a thousand at a time, over 150 years and a few indicators. */
	private static InputStream csv(String marker, int rows) {
		String[] indicators = { "gdp", "tech_smes", "high_tech_enterprises", "rd_intensity" };
		Enumeration<InputStream> blocks = new Enumeration<>() {

			private int row = -1;

			@Override
			public boolean hasMoreElements() {
				return row < rows;
			}

			@Override
			public InputStream nextElement() {
				if (!hasMoreElements()) {
					throw new NoSuchElementException();
				}
				StringBuilder block = new StringBuilder();
				if (row < 0) {
					block.append("region,indicator,year,kind,value,sentence\n");
					row++;
				}
				for (int end = Math.min(rows, row + 1000); row < end; row++) {
					block.append("chongqing,").append(indicators[row % 4]).append(',').append(2100 - row % 150)
						.append(",actual,").append(row % 97 + 1).append(',').append(marker).append('-').append(row).append('\n');
				}
				return new ByteArrayInputStream(block.toString().getBytes(StandardCharsets.UTF_8));
			}

		};
		return new SequenceInputStream(blocks);
	}

}
