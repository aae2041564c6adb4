package io.goalpost.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.EventCodec;
import io.goalpost.contract.EventTypes;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.contract.Source;

/** Fixtures: figures as ingest-service would publish them. */
public final class Figures {

	private Figures() {
	}

	public static FigureReported target(String region, String indicator, int year, Comparator comparator, String value,
			String unit, String publishedOn) {
		return figure(region, indicator, year, FigureKind.TARGET, comparator, value, unit, null, publishedOn);
	}

	public static FigureReported actual(String region, String indicator, int year, String value, String unit,
			FigureStatus status, String publishedOn) {
		return figure(region, indicator, year, FigureKind.ACTUAL, Comparator.EQ, value, unit, status, publishedOn);
	}

	private static FigureReported figure(String region, String indicator, int year, FigureKind kind,
			Comparator comparator, String value, String unit, FigureStatus status, String publishedOn) {
		Source source = new Source("report " + publishedOn, "https://example.org/" + publishedOn, "test",
				OffsetDateTime.parse(publishedOn + "T00:00:00+08:00"));
		BigDecimal amount = new BigDecimal(value);
		return new FigureReported(
				FigureReported.idOf(region, indicator, year, kind, comparator, amount, status, source), region,
				indicator, year, kind, comparator, amount, unit, status, source, null, Instant.now());
	}

	public static Map<String, String> headers(FigureReported figure) {
		return EventCodec.headers(figure.eventId().toString(), EventTypes.FIGURE_REPORTED, "/test", figure.key(),
				figure.reportedAt());
	}

}
