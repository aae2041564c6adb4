package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.goalpost.contract.AlertState;

/** A stored alert: raised when a series' actual missed its target, resolved when a later figure met it. */
public record Alert(UUID alertId, String region, String indicator, int year, AlertState state,
		String targetComparator, BigDecimal targetValue, BigDecimal actualValue, BigDecimal shortfall, String unit,
		Instant firstRaisedAt, Instant resolvedAt, Instant updatedAt) {
}
