package io.goalpost.metrics.series;

import java.util.List;
import java.util.Map;

import io.goalpost.metrics.alerts.Alert;

/**
 * What a consumer holds of one region's indicator between batches: every year's series and the alerts firing
 * on them, at the version the region's indicator had when they were read or written (0: none stored yet).
 */
record HeldPair(long version, Map<Integer, HeldSeries> years, List<Alert> firing) {
}
