package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A stored figure with its provenance, as the query API shows it. */
public record Figure(UUID eventId, String kind, String comparator, BigDecimal value, String unit, String status,
		Provenance source, String sentence, Instant reportedAt, Instant receivedAt) {

	/**
	 * Reports follow China's calendar: a publication date is a day in Beijing, and a year ends at midnight there.
	 * The database keeps instants; publication times are shown in this zone, as the events carry them.
	 */
	public static final ZoneId REPORTING_ZONE = ZoneId.of("Asia/Shanghai");

	/** Each contract enum's stored names, made once: every figure consumed is stored by them. */
	private static final ClassValue<StoredNames> STORED = new ClassValue<>() {

		@Override
		protected StoredNames computeValue(Class<?> type) {
			Map<String, Object> constants = new HashMap<>();
			String[] names = new String[type.getEnumConstants().length];
			for (Object constant : type.getEnumConstants()) {
				String name = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
				names[((Enum<?>) constant).ordinal()] = name;
				constants.put(name, constant);
			}
			return new StoredNames(names, Map.copyOf(constants));
		}

	};

	/** How a contract enum is stored and shown: its name in the events' JSON (target, gte, final); null for none. */
	public static String stored(Enum<?> value) {
		return (value != null) ? STORED.get(value.getDeclaringClass()).byOrdinal()[value.ordinal()] : null;
	}

	/** The contract enum a stored name stands for, as {@link #stored} wrote it; null for none. */
	public static <E extends Enum<E>> E parse(Class<E> type, String stored) {
		if (stored == null) {
			return null;
		}
		Object constant = STORED.get(type).constants().get(stored);
		if (constant == null) {
			throw new IllegalArgumentException("No " + type.getSimpleName() + " is stored as '" + stored + "'");
		}
		return type.cast(constant);
	}

	/** When the figure was published, or reported where the source gives no date: what orders revisions. */
	public Instant publication() {
		OffsetDateTime published = publishedAt();
		return (published != null) ? published.toInstant() : reportedAt;
	}

	/** {@link #publication()}'s seconds since the epoch, without making it. */
	long publicationSecond() {
		OffsetDateTime published = publishedAt();
		return (published != null) ? published.toEpochSecond() : reportedAt.getEpochSecond();
	}

	/** {@link #publication()}'s nanoseconds within its second, without making it. */
	int publicationNano() {
		OffsetDateTime published = publishedAt();
		return (published != null) ? published.getNano() : reportedAt.getNano();
	}

	private OffsetDateTime publishedAt() {
		return (source != null) ? source.publishedAt() : null;
	}

	private record StoredNames(String[] byOrdinal, Map<String, Object> constants) {
	}

	/** Where the figure was published. */
	public record Provenance(String title, String url, String publisher, OffsetDateTime publishedAt) {
	}

}
