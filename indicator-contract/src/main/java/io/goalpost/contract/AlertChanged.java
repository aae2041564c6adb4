package io.goalpost.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert changed state, as published on {@link Topics#ALERTS} with key {@link #key()}. The data of a
 * CloudEvent of type {@link EventTypes#ALERT_FIRED} or {@link EventTypes#ALERT_RESOLVED}; schema
 * {@code schemas/alert-changed.v1.json}.
 */
public record AlertChanged(UUID alertId, String region, String indicator, int year, AlertState state,
		Comparator targetComparator, BigDecimal targetValue, BigDecimal actualValue, BigDecimal shortfall,
		String unit, Instant firstRaisedAt, Instant resolvedAt) {

	public String key() {
		return region + ":" + indicator + ":" + year;
	}

	public String eventType() {
		return (state == AlertState.FIRING) ? EventTypes.ALERT_FIRED : EventTypes.ALERT_RESOLVED;
	}

	/** One id per state change, so a consumer can drop a redelivered message. */
	public String eventId() {
		return alertId + ":" + state.name().toLowerCase(java.util.Locale.ROOT);
	}

}
