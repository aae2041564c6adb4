package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** A stored figure with its provenance, as the query API shows it. */
public record Figure(UUID eventId, String kind, String comparator, BigDecimal value, String unit, String status,
		Provenance source, String sentence, Instant reportedAt, Instant receivedAt) {

	/** How a contract enum is stored and shown: its name in the events' JSON (target, gte, final); null for none. */
	public static String stored(Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(Locale.ROOT) : null;
	}

	/** The contract enum a stored name stands for, as {@link #stored} wrote it; null for none. */
	public static <E extends Enum<E>> E parse(Class<E> type, String stored) {
		return (stored != null) ? Enum.valueOf(type, stored.toUpperCase(Locale.ROOT)) : null;
	}

	/** When the figure was published, or reported where the source gives no date: what orders revisions. */
	public Instant publication() {
		return (source != null && source.publishedAt() != null) ? source.publishedAt().toInstant() : reportedAt;
	}

	/** Where the figure was published. */
	public record Provenance(String title, String url, String publisher, OffsetDateTime publishedAt) {
	}

}
