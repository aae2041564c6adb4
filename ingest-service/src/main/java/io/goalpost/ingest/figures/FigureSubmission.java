package io.goalpost.ingest.figures;

import java.math.BigDecimal;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureStatus;

/**
 * A figure as a client posts it. Every field is nullable here so that a missing one is reported by name
 * rather than as a parse error.
 */
public record FigureSubmission(String region, String indicator, Integer year, FigureKind kind, Comparator comparator,
		BigDecimal value, String unit, FigureStatus status, SourceSubmission source, String sentence) {

	/** Where the figure was published; {@code publishedAt} is an ISO date or date-time. */
	public record SourceSubmission(String title, String url, String publisher, String publishedAt) {
	}

}
