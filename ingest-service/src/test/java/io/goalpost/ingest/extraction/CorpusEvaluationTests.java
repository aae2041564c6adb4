package io.goalpost.ingest.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.goalpost.contract.IndicatorCatalogue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extractor scored on the shared seed corpus and on our own documents, with the metadata given and
 * from the raw text alone. The report (per document, with every miss and false positive) is printed to
 * the test output.
 */
class CorpusEvaluationTests {

	private static final CorpusEvaluation evaluation = new CorpusEvaluation(new FigureExtractor(IndicatorCatalogue.standard()));

	@ParameterizedTest(name = "{0}, raw text only: {1}")
	@CsvSource({ "seeds, false", "seeds, true", "own, false", "own, true" })
	void findsEveryExpectedFigureAndNothingElse(String corpus, boolean raw) throws IOException {
		CorpusEvaluation.Report report = evaluation.score(folder(corpus), raw);
		report.print(System.out);

		assertThat(report.documents()).hasSizeGreaterThanOrEqualTo(corpus.equals("seeds") ? 5 : 10);
		assertThat(report.documents().stream().mapToInt(CorpusEvaluation.DocumentScore::expected).sum()).isGreaterThan(20);
		assertThat(report.documents()).allSatisfy((document) -> {
			assertThat(document.missed()).as("missed in " + document.file()).isEmpty();
			assertThat(document.falsePositives()).as("false positives in " + document.file()).isEmpty();
		});
		assertThat(report.precision()).isEqualTo(1.0);
		assertThat(report.recall()).isEqualTo(1.0);
	}

	private static Path folder(String corpus) {
		Path folder = corpus.equals("seeds")
				? Path.of(System.getProperty("goalpost.corpus", "../../shared/corpus"), "seeds")
				: Path.of("src/test/resources/corpus");
		assertThat(Files.isRegularFile(folder.resolve("expected.json"))).as(folder.toAbsolutePath() + "/expected.json").isTrue();
		return folder;
	}

}
