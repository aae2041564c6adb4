package io.goalpost.contract;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One figure of one series (region × indicator × year), as published on {@link Topics#FIGURES}.
 * The data of a CloudEvent of type {@link EventTypes#FIGURE_REPORTED}; schema
 * {@code schemas/figure-reported.v1.json}.
 */
public record FigureReported(UUID eventId, String region, String indicator, int year, FigureKind kind,
		Comparator comparator, BigDecimal value, String unit, FigureStatus status, Source source,
		String sentence, Instant reportedAt) {

	/** The first year a figure may be of, as the schema says: the People's Republic's first. */
	public static final int MIN_YEAR = 1949;

	/** The last year a figure may be of, as the schema says: targets reach a few plans ahead at most. */
	public static final int MAX_YEAR = 2100;

	/** Larger than any figure a region publishes in its canonical unit; beyond it is a typo or an attack. */
	public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e12");

	/**
	 * More decimal places than any published figure has. Beyond it, {@code 1e-999999999} is a few characters to send
	 * and a billion digits to write out or compute with.
	 */
	public static final int MAX_DECIMALS = 6;

	/** Whether {@code value} is larger in magnitude than {@link #MAX_MAGNITUDE}. */
	public static boolean tooLarge(BigDecimal value) {
		return value.abs().compareTo(MAX_MAGNITUDE) > 0;
	}

	/** Whether {@code value} has more decimal places than {@link #MAX_DECIMALS}, trailing zeros aside. */
	public static boolean tooFine(BigDecimal value) {
		// Most values are within it as they stand: strip (which makes a new value) only those that are not.
		return value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS;
	}

	/** Whether a figure may be of {@code year}. */
	public static boolean yearInRange(int year) {
		return year >= MIN_YEAR && year <= MAX_YEAR;
	}

	/** The Kafka key: every year of a region's indicator on one partition, so a series stays in order. */
	public String key() {
		return region + ":" + indicator;
	}

	/**
	 * The id of a figure: the same figure from the same source always gets the same id, so a client
	 * may post it again without counting it twice.
	 */
	public static UUID idOf(String region, String indicator, int year, FigureKind kind, Comparator comparator,
			BigDecimal value, FigureStatus status, Source source) {
		Source s = Source.orUnknown(source);
		String name = String.join("\u001f", region, indicator, Integer.toString(year), kind.name(),
				comparator.name(), value.stripTrailingZeros().toPlainString(), String.valueOf(status),
				String.valueOf(s.url()), String.valueOf(s.title()), String.valueOf(s.publisher()),
				String.valueOf((s.publishedAt() != null) ? s.publishedAt().toInstant() : null));
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
