package io.goalpost.contract;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An alert changed state: the data of a CloudEvent of type {@link EventTypes#ALERT_FIRED} or
 * {@link EventTypes#ALERT_RESOLVED}, published on {@link Topics#ALERTS} with key {@link #key()} and, as the
 * alert's current state, on {@link Topics#ALERTS_CURRENT} with key {@link #fingerprint()}. Schema
 * {@code schemas/alert-changed.v2.json}.
 *
 * @param fingerprint the same for every alert of one kind on one series, across firings (see {@link #fingerprintOf})
 * @param alertId one firing: a series that misses again after a resolution gets a new id, same fingerprint
 * @param labels region, indicator, year, kind and severity, as silences match them
 * @param actualValue the actual that missed or met the target; null for an alert about a missing actual
 * @param projection how a {@link AlertKind#TARGET_AT_RISK} alert projected the miss; null for the other kinds
 * @param endsAt when the alert resolved; null while it fires
 */
public record AlertChanged(String fingerprint, UUID alertId, AlertKind kind, Severity severity, AlertState state,
		String region, String indicator, int year, Map<String, String> labels, Summary summary,
		Comparator targetComparator, BigDecimal targetValue, BigDecimal actualValue, BigDecimal shortfall, String unit,
		Projection projection, Instant startsAt, Instant endsAt) {

	public AlertChanged {
		labels = Map.copyOf(labels);
	}

	/** Partitions the changes of every kind of alert on one series together, in order. */
	public String key() {
		return region + ":" + indicator + ":" + year;
	}

	public String eventType() {
		return (state == AlertState.FIRING) ? EventTypes.ALERT_FIRED : EventTypes.ALERT_RESOLVED;
	}

	/** One id per state change, so a consumer can drop a redelivered message. */
	public String eventId() {
		return alertId + ":" + state.name().toLowerCase(Locale.ROOT);
	}

	/** An alert's labels, in a fixed order. */
	public static Map<String, String> labels(AlertKind kind, String region, String indicator, int year) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("region", region);
		labels.put("indicator", indicator);
		labels.put("year", Integer.toString(year));
		labels.put("kind", kind.name());
		labels.put("severity", kind.severity().id());
		return labels;
	}

	/** The first 16 hex digits of SHA-256 over {@code kind|region|indicator|year}: stable across restarts and versions. */
	public static String fingerprintOf(AlertKind kind, String region, String indicator, int year) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((kind.name() + "|" + region + "|" + indicator + "|" + year).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/** What an alert says, for people: Simplified Chinese and English. */
	public record Summary(String zh, String en) {
	}

	/**
	 * A value projected from earlier actuals.
	 *
	 * @param method how it was projected, e.g. {@code linear-trend}
	 * @param fromYear the first year of the actuals used
	 * @param toYear the last year of the actuals used
	 * @param points how many actuals were used
	 * @param slopePerYear the trend's change per year, in the indicator's unit
	 * @param value the projected value for the alert's year
	 */
	public record Projection(String method, int fromYear, int toYear, int points, BigDecimal slopePerYear,
			BigDecimal value) {
	}

}
