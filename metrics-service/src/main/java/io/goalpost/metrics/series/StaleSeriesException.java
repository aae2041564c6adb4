package io.goalpost.metrics.series;

import java.util.Collection;
import java.util.Set;

/**
 * A batch found a series it held in memory changed in the database by someone else: the transaction is rolled
 * back, the cache has forgotten these regions' indicators, and applying the batch again reads them as stored.
 */
public class StaleSeriesException extends RuntimeException {

	private final Set<RegionIndicator> pairs;

	StaleSeriesException(Collection<RegionIndicator> pairs) {
		super("Series of " + pairs.size() + " region indicator(s) changed since they were read; the batch is applied again");
		this.pairs = Set.copyOf(pairs);
	}

	public Set<RegionIndicator> pairs() {
		return pairs;
	}

}
