package io.goalpost.contract;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.goalpost.benchmarks.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * A figure event to bytes (what ingest-service does for every figure it publishes) and back (what
 * metrics-service does for every record it consumes), on one thread; the figures are the pipeline
 * harness's, an actual with its source. In the codec's package to reach the Jackson mapper it is configured
 * with, which the hand-written paths are measured against.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventCodecBenchmark {

	private static final int FIGURES = 1024;

	private static final ObjectWriter JACKSON_WRITER = EventCodec.MAPPER.writerFor(FigureReported.class);

	private static final ObjectReader JACKSON_READER = EventCodec.MAPPER.readerFor(FigureReported.class);

	private final FigureReported[] figures = new FigureReported[FIGURES];

	private final byte[][] events = new byte[FIGURES][];

	private int next;

	@Setup
	public void figures() {
		Workload workload = new Workload(100, 0.1);
		Instant now = Instant.parse("2026-12-02T04:05:06.789Z");
		for (int i = 0; i < FIGURES; i++) {
			figures[i] = workload.figure(100 + i, now.plusMillis(i));
			events[i] = EventCodec.write(figures[i]);
		}
	}

	@Benchmark
	public byte[] writeFigure() {
		next = (next + 1) & (FIGURES - 1);
		return EventCodec.write(figures[next]);
	}

	/** What {@link #writeFigure} did before figures were written by hand: Jackson's databind, for the ratio. */
	@Benchmark
	public byte[] writeFigureWithJackson() {
		next = (next + 1) & (FIGURES - 1);
		return JACKSON_WRITER.writeValueAsBytes(figures[next]);
	}

	@Benchmark
	public FigureReported readFigure() {
		next = (next + 1) & (FIGURES - 1);
		return EventCodec.read(events[next], FigureReported.class);
	}

	/** What {@link #readFigure} did before it read the layout written straight from the bytes: Jackson's parser. */
	@Benchmark
	public FigureReported readFigureOverJacksonsParser() {
		next = (next + 1) & (FIGURES - 1);
		return FigureJson.parse(events[next]);
	}

	/** What {@link #readFigure} did before figures were read by hand: Jackson's databind, strict, for the ratio. */
	@Benchmark
	public FigureReported readFigureWithJackson() {
		next = (next + 1) & (FIGURES - 1);
		return JACKSON_READER.readValue(events[next]);
	}

}
