package io.goalpost.metrics.series;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;

import io.goalpost.metrics.alerts.Alert;

/**
 * What a consumer holds of one region's indicator between batches: every year's series and the alerts firing
 * on them, at the version the region's indicator had when they were read or written (0: none stored yet).
 * Neither changes once held: a batch copies the years it works on, the alert book the alerts it changes.
 */
record HeldPair(long version, NavigableMap<Integer, HeldSeries> years, List<Alert> firing) {

	HeldPair {
		years = Collections.unmodifiableNavigableMap(years);
		firing = List.copyOf(firing);
	}

}
