package io.goalpost.metrics.alerts;

import java.math.BigDecimal;

import io.goalpost.contract.AlertChanged.Projection;
import io.goalpost.contract.AlertKind;

/**
 * A condition that holds for a series now, and so an alert of its kind that should be firing.
 *
 * @param actualValue the actual that missed; null for the kinds about a missing actual
 * @param shortfall how far the actual or the projection falls short of the target; null when overdue
 * @param projection the projection that misses, for {@link AlertKind#TARGET_AT_RISK}
 */
public record AlertCondition(AlertKind kind, BigDecimal actualValue, BigDecimal shortfall, Projection projection) {
}
