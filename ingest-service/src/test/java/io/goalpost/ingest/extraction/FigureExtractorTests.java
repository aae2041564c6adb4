package io.goalpost.ingest.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureStatus;
import io.goalpost.contract.IndicatorCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FigureExtractorTests {

	private static final LocalDate PUBLISHED = LocalDate.of(2024, 1, 20);

	private final FigureExtractor extractor = new FigureExtractor(IndicatorCatalogue.standard());

	@Test
	void pairsAnEnumerationWithItsValuesInOrderAndReadsMagnitudes() {
		List<ExtractedFigure> figures = read("2023年，高新技术企业、科技型企业、研发人员分别达到1.2万家、3.69万家、28萬人。");
		assertThat(figures).extracting(ExtractedFigure::indicator, ExtractedFigure::value)
			.containsExactly(tuple("high_tech_enterprises", decimal("12000")), tuple("tech_smes", decimal("36900")),
					tuple("rd_personnel", decimal("280000")));
	}

	@Test
	void leavesAnEnumerationWhoseValuesDoNotAddUp() {
		assertThat(read("2023年，高新技术企业、科技型企业分别达到1.2万家。")).isEmpty();
	}

	@Test
	void sharesACueWordAcrossTheSentence() {
		List<ExtractedFigure> figures = read("力争高新技术企业突破5500家、科技型企业突破4万家，研发经费支出占比提高到2.3%左右。");
		assertThat(figures).extracting(ExtractedFigure::kind, ExtractedFigure::year, ExtractedFigure::comparator)
			.containsExactly(tuple(FigureKind.TARGET, 2024, Comparator.GT), tuple(FigureKind.TARGET, 2024, Comparator.GT),
					tuple(FigureKind.TARGET, 2024, Comparator.APPROX));
	}

	@Test
	void readsComparatorsFromTheWording() {
		List<ExtractedFigure> figures = read("""
				力争技术合同成交额不低于100亿元，研发投入强度3%以内，研发人员约5万人，科技型企业2万家以上，高新技术企业超3000家。
				""");
		assertThat(figures).extracting(ExtractedFigure::comparator)
			.containsExactly(Comparator.GTE, Comparator.LTE, Comparator.APPROX, Comparator.GTE, Comparator.GT);
	}

	@Test
	void resolvesRelativeYearsFromThePublicationDate() {
		List<ExtractedFigure> figures = read("去年全市高新技术企业达到5000家。今年力争科技型企业突破2万家。明年力争研发人员超过10万人。");
		assertThat(figures).extracting(ExtractedFigure::year, ExtractedFigure::kind)
			.containsExactly(tuple(2023, FigureKind.ACTUAL), tuple(2024, FigureKind.TARGET), tuple(2025, FigureKind.TARGET));
	}

	@Test
	void marksEstimatesAndPreliminaryFigures() {
		List<ExtractedFigure> figures = read("初步测算，2023年地区生产总值达到3万亿元、增长6.1%。预计研发经费支出占比达到2.4%。");
		assertThat(figures).extracting(ExtractedFigure::indicator, ExtractedFigure::status)
			.containsExactly(tuple("gdp", FigureStatus.PRELIMINARY), tuple("gdp_growth", FigureStatus.PRELIMINARY),
					tuple("rd_intensity", FigureStatus.ESTIMATE));
		assertThat(figures.getFirst().value()).isEqualByComparingTo("30000");
	}

	@Test
	void readsTraditionalScriptFullWidthDigitsAndChineseNumerals() {
		List<ExtractedFigure> figures = read("二〇二三年，高新技術企業達到１．５萬家，研發人員總數約四十七萬人，技術合同成交額七千億元。");
		assertThat(figures).extracting(ExtractedFigure::indicator, ExtractedFigure::year, ExtractedFigure::value)
			.containsExactly(tuple("high_tech_enterprises", 2023, decimal("15000")),
					tuple("rd_personnel", 2023, decimal("470000")), tuple("tech_contract_turnover", 2023, decimal("7000")));
	}

	@Test
	void takesTheKindAndYearOfAHeadingForTheListBelowIt() {
		List<ExtractedFigure> figures = read("""
				2025年力争
				●高新技术企业突破8000家
				●技术合同成交额1000亿元以上
				资料来源：市科技局
				""");
		assertThat(figures).extracting(ExtractedFigure::kind, ExtractedFigure::year)
			.containsExactly(tuple(FigureKind.TARGET, 2025), tuple(FigureKind.TARGET, 2025));
	}

	@Test
	void countsARepeatedFigureOnce() {
		List<ExtractedFigure> figures = read("""
				今年力争高新技术企业突破8000家
				会议提出，今年力争高新技术企业突破8000家。
				""");
		assertThat(figures).hasSize(1);
	}

	@Test
	void leavesOutFiguresAboutPartOfTheRegion() {
		assertThat(read("目前，这些研发机构已孵化企业220家。2021年度全社会研究与试验发展经费(R&D经费)投入超10亿元。")).isEmpty();
		assertThat(read("2023年，两江新区高新技术企业达到1180家，科技型企业超过4500家。")).isEmpty();
		assertThat(read("2023年，全市地区生产总值增长6%。")).hasSize(1);
	}

	@Test
	void givesGrowthOfAnIndicatorOutsideTheCatalogueAnOtherId() {
		List<ExtractedFigure> figures = read("2023年，科技型企业和高新技术企业同比分别增长10.1%、14.11%。");
		assertThat(figures).extracting(ExtractedFigure::indicator)
			.containsExactly("other:tech_smes_growth", "other:high_tech_enterprises_growth");
		assertThat(figures).noneMatch(ExtractedFigure::canonical);
	}

	@Test
	void pointsOffsetsAtTheFigureInTheInputEvenThroughHtml() {
		String html = "<html><body><p>首页 &gt; 新闻</p><p>2023年，全市<b>高新技术企业</b>达到5000家。</p></body></html>";
		Extraction extraction = extractor.extract(new DocumentInput(html, true, null, null, PUBLISHED, "chongqing"));
		ExtractedFigure figure = extraction.figures().getFirst();
		assertThat(html.substring(figure.start(), figure.end())).endsWith("达到5000家");
		assertThat(figure.sentence()).isEqualTo("2023年，全市高新技术企业达到5000家。");
	}

	@Test
	void saysWhereThePublicationDateAndRegionCameFromOrThatTheyAreUnknown() {
		Extraction dated = extractor.extract(DocumentInput.plain("发布时间：2023-02-24\n重庆今年力争高新技术企业突破7000家。"));
		assertThat(dated.publishedOn().value()).isEqualTo(LocalDate.of(2023, 2, 24));
		assertThat(dated.publishedOn().source()).contains("发布时间");
		assertThat(dated.region().value().id()).isEqualTo("chongqing");

		Extraction undated = extractor.extract(DocumentInput.plain("今年力争高新技术企业突破7000家。"));
		assertThat(undated.publishedOn().known()).isFalse();
		assertThat(undated.region().known()).isFalse();
		assertThat(undated.figures()).isEmpty();
		assertThat(undated.warnings()).anyMatch((w) -> w.contains("publication date"))
			.anyMatch((w) -> w.contains("figure(s) left out"));
	}

	@Test
	void readsEachFrontMatterFieldOnItsOwnLine() {
		Extraction extraction = extractor.extract(DocumentInput.plain("""
				---
				title:
				date: "2023-02-24"\t
				---
				重庆今年力争高新技术企业突破7000家。
				"""));
		assertThat(extraction.publishedOn().value()).as("an empty title does not take the next line").isEqualTo(LocalDate.of(2023, 2, 24));
		assertThat(extraction.publishedOn().source()).contains("front matter");
		assertThat(extraction.figures()).extracting(ExtractedFigure::year).containsExactly(2023);
	}

	@Test
	void neverThrowsOnMangledText() {
		String seed = "初步测算，2021年全市地区生产总值达到2.78万亿元、增长8.3%。力争高新技术企业、科技型企业分别达1.15萬家、8.6萬家。<p>表\t2024年目标\t2024年完成\n"
				+ "高新技术企业（家）\t13000\t13500</p>";
		Random random = new Random(20261122);
		for (int i = 0; i < 2000; i++) {
			StringBuilder text = new StringBuilder(seed);
			for (int edit = 0; edit < 1 + random.nextInt(12); edit++) {
				int at = random.nextInt(text.length());
				switch (random.nextInt(3)) {
					case 0 -> text.deleteCharAt(at);
					case 1 -> text.insert(at, seed.charAt(random.nextInt(seed.length())));
					default -> text.setCharAt(at, (char) random.nextInt(0x10000));
				}
			}
			Extraction extraction = extractor.extract(new DocumentInput(text.toString(), random.nextBoolean(), null, null,
					random.nextBoolean() ? PUBLISHED : null, null));
			assertThat(extraction.figures()).allSatisfy((f) -> assertThat(f.end()).isBetween(f.start(), text.length()));
		}
	}

	@Test
	void stopsReadingWhenTheTimeBudgetIsSpentAndSaysSo() {
		FigureExtractor hurried = new FigureExtractor(IndicatorCatalogue.standard(), java.time.Duration.ZERO);
		Extraction extraction = hurried.extract(new DocumentInput("2023年，高新技术企业达到5000家。\n".repeat(100), false, null,
				null, PUBLISHED, "chongqing"));
		assertThat(extraction.warnings()).anyMatch((w) -> w.startsWith("reading stopped at character"));
	}

	@Test
	void readsDocumentsBuiltToBeSlowToTheEnd() {
		List<String> hostile = List.of("<b>".repeat(200_000), "<div>".repeat(100_000), "<table><tr><td>".repeat(30_000),
				"<p>" + "力争高新技术企业、".repeat(40_000) + "分别达到" + "1家、".repeat(30_000), "2021年".repeat(100_000),
				"1.2万家".repeat(60_000), "一".repeat(300_000), "x" + "<p ".repeat(300_000),
				"---\ntitle: a" + " ".repeat(1_000_000) + "b\n---\n" + "2023年，高新技术企业达到5000家。");
		// A budget no real run comes near: this asserts the reading ends, not how fast (that is JMH's job).
		FigureExtractor patient = new FigureExtractor(IndicatorCatalogue.standard(), java.time.Duration.ofMinutes(1));
		for (String document : hostile) {
			Extraction extraction = patient.extract(new DocumentInput(document, document.startsWith("<"), null, null, PUBLISHED, "chongqing"));
			assertThat(extraction.warnings()).noneMatch((w) -> w.startsWith("reading stopped"));
		}
	}

	private List<ExtractedFigure> read(String text) {
		return extractor.extract(new DocumentInput(text, false, null, null, PUBLISHED, "chongqing")).figures();
	}

	private static java.math.BigDecimal decimal(String value) {
		return new java.math.BigDecimal(value);
	}

}
