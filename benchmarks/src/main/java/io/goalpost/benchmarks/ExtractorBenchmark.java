package io.goalpost.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.ingest.extraction.DocumentInput;
import io.goalpost.ingest.extraction.FigureExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** The extractor over the seed corpus, one document per operation, on one thread (one core). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractorBenchmark {

	/** Where the seed documents are; set by {@link Benchmarks} from {@code -Dgoalpost.corpus}. */
	static final String CORPUS = "goalpost.corpus";

	private FigureExtractor extractor;

	private List<String> documents;

	private int next;

	@Setup
	public void load() throws IOException {
		extractor = new FigureExtractor(IndicatorCatalogue.standard());
		documents = seedDocuments();
	}

	@Benchmark
	public void extractOneDocument(Blackhole blackhole) {
		String text = documents.get(next);
		next = (next + 1) % documents.size();
		blackhole.consume(extractor.extract(DocumentInput.plain(text)));
	}

	static List<String> seedDocuments() throws IOException {
		Path seeds = Path.of(System.getProperty(CORPUS, "../shared/corpus"), "seeds");
		List<String> documents = new ArrayList<>();
		try (var files = Files.list(seeds)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).sorted().toList()) {
				documents.add(Files.readString(file));
			}
		}
		if (documents.isEmpty()) {
			throw new IllegalStateException("No seed documents in " + seeds.toAbsolutePath());
		}
		return documents;
	}

}
