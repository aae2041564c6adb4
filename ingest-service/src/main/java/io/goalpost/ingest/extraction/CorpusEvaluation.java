package io.goalpost.ingest.extraction;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.goalpost.contract.IndicatorCatalogue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the extractor on a corpus folder in the format of {@code shared/corpus/seeds/expected.json}:
 * precision, recall and F1 per document and overall, with every miss and false positive. The scoring
 * rule is the corpus README's: a prediction matches on region, indicator, year, kind, comparator and
 * value (to 1e-6 relative); precision counts canonical predictions only; a {@code must_not} hit is a
 * false positive.
 */
public final class CorpusEvaluation {

	private static final JsonMapper json = new JsonMapper();

	private final FigureExtractor extractor;

	public CorpusEvaluation(FigureExtractor extractor) {
		this.extractor = extractor;
	}

	/** {@code java … CorpusEvaluation <corpus folder> [--raw]}: prints the report. */
	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: evaluate <corpus folder with expected.json> [--raw]");
			System.exit(2);
		}
		boolean raw = args.length > 1 && args[1].equals("--raw");
		Report report = new CorpusEvaluation(new FigureExtractor(IndicatorCatalogue.standard())).score(Path.of(args[0]), raw);
		report.print(System.out);
	}

	/**
	 * @param raw when true, only the text is given to the extractor; otherwise also the publication date
	 * and region from expected.json
	 */
	public Report score(Path folder, boolean raw) throws IOException {
		JsonNode corpus = json.readTree(folder.resolve("expected.json").toFile());
		List<DocumentScore> documents = new ArrayList<>();
		for (JsonNode document : corpus.get("documents")) {
			String file = document.get("file").asString();
			String text = Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
			DocumentInput input = raw ? DocumentInput.plain(text)
					: new DocumentInput(text, false, null, null, LocalDate.parse(document.get("published").asString()),
							document.get("region").asString());
			List<ExtractedFigure> predicted = extractor.extract(input)
				.figures()
				.stream()
				.filter(ExtractedFigure::canonical)
				.toList();
			documents.add(score(file, document, predicted));
		}
		return new Report(documents);
	}

	private static DocumentScore score(String file, JsonNode document, List<ExtractedFigure> predicted) {
		String region = document.get("region").asString();
		List<String> missed = new ArrayList<>();
		List<ExtractedFigure> unmatched = new ArrayList<>(predicted);
		int found = 0;
		for (JsonNode expected : document.get("expected")) {
			ExtractedFigure match = unmatched.stream().filter((p) -> matches(p, expected, region)).findFirst().orElse(null);
			if (match != null) {
				unmatched.remove(match);
				found++;
			}
			else {
				missed.add(describe(expected));
			}
		}
		List<String> falsePositives = new ArrayList<>();
		for (ExtractedFigure p : unmatched) {
			// A must_not figure is never expected, so it is already unmatched: name it, count it once.
			boolean forbidden = false;
			for (JsonNode rule : document.get("must_not")) {
				forbidden |= p.indicator().equals(rule.get("indicator").asString()) && p.year() == rule.get("year").asInt()
						&& p.kind().name().equalsIgnoreCase(rule.get("kind").asString())
						&& (!rule.has("value") || p.value().compareTo(rule.get("value").decimalValue()) == 0);
			}
			falsePositives.add((forbidden ? "(must_not) " : "") + describe(p));
		}
		return new DocumentScore(file, document.get("expected").size(), predicted.size(), found, missed, falsePositives);
	}

	private static boolean matches(ExtractedFigure p, JsonNode e, String region) {
		BigDecimal expected = e.get("value").decimalValue();
		BigDecimal tolerance = expected.abs().multiply(new BigDecimal("1e-6"));
		return region.equals(p.region()) && p.indicator().equals(e.get("indicator").asString())
				&& p.year() == e.get("year").asInt() && p.kind().name().equalsIgnoreCase(e.get("kind").asString())
				&& p.comparator().name().equalsIgnoreCase(e.get("comparator").asString())
				&& p.value().subtract(expected).abs().compareTo(tolerance) <= 0;
	}

	private static String describe(JsonNode e) {
		return "%s %d %s %s %s".formatted(e.get("indicator").asString(), e.get("year").asInt(),
				e.get("kind").asString(), e.get("comparator").asString(), e.get("value").asString());
	}

	private static String describe(ExtractedFigure p) {
		return "%s %d %s %s %s  «%s»".formatted(p.indicator(), p.year(), p.kind().name().toLowerCase(Locale.ROOT),
				p.comparator().name().toLowerCase(Locale.ROOT), p.value().toPlainString(), p.sentence());
	}

	/** The score of one document. */
	public record DocumentScore(String file, int expected, int predicted, int found, List<String> missed,
			List<String> falsePositives) {

		int truePositives() {
			return found;
		}

		int predictedCount() {
			return found + falsePositives.size();
		}

	}

	/** The score of a corpus. */
	public record Report(List<DocumentScore> documents) {

		public double precision() {
			int predicted = documents.stream().mapToInt(DocumentScore::predictedCount).sum();
			return (predicted == 0) ? 1.0 : (double) found() / predicted;
		}

		public double recall() {
			int expected = documents.stream().mapToInt(DocumentScore::expected).sum();
			return (expected == 0) ? 1.0 : (double) found() / expected;
		}

		public double f1() {
			double p = precision();
			double r = recall();
			return (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}

		private int found() {
			return documents.stream().mapToInt(DocumentScore::truePositives).sum();
		}

		public void print(PrintStream out) {
			out.printf("%-34s %8s %9s %6s %9s %7s %6s%n", "document", "expected", "predicted", "found", "precision", "recall", "F1");
			for (DocumentScore d : documents) {
				Report one = new Report(List.of(d));
				out.printf("%-34s %8d %9d %6d %9.3f %7.3f %6.3f%n", d.file(), d.expected(), d.predictedCount(), d.found(),
						one.precision(), one.recall(), one.f1());
				d.missed().forEach((m) -> out.println("    missed          " + m));
				d.falsePositives().forEach((f) -> out.println("    false positive  " + f));
			}
			out.printf("%-34s %8d %9d %6d %9.3f %7.3f %6.3f%n", "overall",
					documents.stream().mapToInt(DocumentScore::expected).sum(),
					documents.stream().mapToInt(DocumentScore::predictedCount).sum(), found(), precision(), recall(), f1());
		}

	}

}
