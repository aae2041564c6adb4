package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored figure with its provenance, as the query API shows it. */
public record Figure(UUID eventId, String kind, String comparator, BigDecimal value, String unit, String status,
		Provenance source, String sentence, Instant reportedAt, Instant receivedAt) {

	/** Where the figure was published. */
	public record Provenance(String title, String url, String publisher, OffsetDateTime publishedAt) {
	}

}
