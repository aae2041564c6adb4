package io.goalpost.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import io.goalpost.contract.EventCodecBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks with JMH and prints a table in the units docs/benchmarks.md records.
 * {@code java -jar benchmarks/target/benchmarks.jar [--quick] [benchmark class ...]}: every benchmark unless some are named.
 */
public final class Benchmarks {

	/** What runs when no benchmark is named: JMH includes, by class name. */
	private static final List<String> ALL = List.of(ExtractorBenchmark.class.getSimpleName(),
			EventCodecBenchmark.class.getSimpleName(), Lz4Benchmark.class.getSimpleName());

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		boolean quick = List.of(args).contains("--quick");
		List<String> named = List.of(args).stream().filter((a) -> !a.startsWith("--")).toList();
		String corpus = System.getProperty(ExtractorBenchmark.CORPUS, "../shared/corpus");
		OptionsBuilder builder = new OptionsBuilder();
		(named.isEmpty() ? ALL : named).forEach(builder::include);
		Options options = builder.forks(1)
			.threads(1)
			.warmupIterations(quick ? 2 : 5)
			.warmupTime(TimeValue.seconds(quick ? 1 : 2))
			.measurementIterations(quick ? 3 : 10)
			.measurementTime(TimeValue.seconds(quick ? 1 : 2))
			// The forks run on a class path, where the jar's Enable-Native-Access does not apply: lz4-java's library.
			.jvmArgsAppend("-D" + ExtractorBenchmark.CORPUS + "=" + corpus, "--enable-native-access=ALL-UNNAMED")
			.build();
		Collection<RunResult> results = new Runner(options).run();

		// Only the extractor's row is in bytes of the seed corpus, which need not be there for the others.
		boolean extractor = results.stream()
			.anyMatch((r) -> r.getParams().getBenchmark().contains(ExtractorBenchmark.class.getSimpleName()));
		List<String> documents = extractor ? ExtractorBenchmark.seedDocuments() : List.of();
		double bytesPerDocument = documents.stream().mapToInt((d) -> d.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
		System.out.println();
		System.out.printf("%-40s %14s %12s %10s%n", "benchmark (1 thread)", "operations/s", "± (99.9%)", "MB/s");
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			String method = name.substring(name.lastIndexOf('.') + 1);
			double perSecond = result.getPrimaryResult().getScore();
			double error = result.getPrimaryResult().getScoreError();
			if (name.contains(ExtractorBenchmark.class.getSimpleName())) {
				System.out.printf("%-40s %14.0f %12.0f %10.2f%n", "extractor, seed corpus (documents)", perSecond, error,
						perSecond * bytesPerDocument / 1_000_000);
			}
			else if (name.contains(Lz4Benchmark.class.getSimpleName())) {
				System.out.printf("%-40s %14.0f %12.0f %10.0f%n", "lz4, 64 KiB of figures, " + method,
						perSecond, error, perSecond * Lz4Benchmark.BLOCK / 1_000_000);
			}
			else {
				System.out.printf("%-40s %14.0f %12.0f %10s%n", "event codec, " + method,
						perSecond, error, "");
			}
		}
		if (extractor) {
			System.out.printf("(%d seed documents, %.0f bytes of UTF-8 on average)%n", documents.size(), bytesPerDocument);
		}
	}

}
