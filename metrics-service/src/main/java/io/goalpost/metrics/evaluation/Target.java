package io.goalpost.metrics.evaluation;

import java.math.BigDecimal;

import io.goalpost.contract.Comparator;

/** What a series was meant to reach: {@code value} read through {@code comparator}. */
public record Target(Comparator comparator, BigDecimal value) {
}
