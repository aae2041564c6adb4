package io.goalpost.metrics.series;

import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Source;

/** A figure as it came off its partition. */
public record Received(FigureReported figure, int partition, long offset) {

	/**
	 * The columns of {@code figure_event} that {@link #ROWS} fills, in its order. {@code received_at} is left to
	 * its default, {@code now()}: the start of the transaction that stored the figure, which the pipeline
	 * benchmark reads to split a slow figure's time into the wait before its transaction and the transaction.
	 */
	public static final String COLUMNS = """
			event_id, region, indicator, year, kind, comparator, value, unit, status, source_title, source_url,
			source_publisher, published_at, sentence, reported_at, kafka_partition, kafka_offset""";

	/** Each figure's row of {@code figure_event}, as the service stores it. */
	public static final Unnest<Received> ROWS = new Unnest<>(
			Unnest.Column.of("uuid", (Received r) -> r.figure().eventId()),
			Unnest.Column.of("text", (Received r) -> r.figure().region()),
			Unnest.Column.of("text", (Received r) -> r.figure().indicator()),
			Unnest.Column.of("integer", (Received r) -> r.figure().year()),
			Unnest.Column.of("text", (Received r) -> Figure.stored(r.figure().kind())),
			Unnest.Column.of("text", (Received r) -> Figure.stored(r.figure().comparator())),
			Unnest.Column.of("numeric", (Received r) -> r.figure().value()),
			Unnest.Column.of("text", (Received r) -> r.figure().unit()),
			Unnest.Column.of("text", (Received r) -> Figure.stored(r.figure().status())),
			Unnest.Column.of("text", (Received r) -> r.source().title()),
			Unnest.Column.of("text", (Received r) -> r.source().url()),
			Unnest.Column.of("text", (Received r) -> r.source().publisher()),
			Unnest.Column.of("timestamptz", (Received r) -> r.source().publishedAt()),
			Unnest.Column.of("text", (Received r) -> r.figure().sentence()),
			Unnest.Column.of("timestamptz", (Received r) -> r.figure().reportedAt()),
			Unnest.Column.of("integer", Received::partition),
			Unnest.Column.of("bigint", Received::offset));

	private Source source() {
		return Source.orUnknown(figure.source());
	}

}
