package io.goalpost.metrics.series;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For writers other than the figure consumer (the sweepers): a change they make to a series, or to the alerts
 * on it, moves the series' version, so a consumer holding the series in memory rereads it before it writes.
 */
@Component
public class SeriesVersions {

	private final JdbcClient jdbc;

	SeriesVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Call in the transaction that made the change. */
	public void changedBehindConsumers(Collection<SeriesKey> series) {
		if (!series.isEmpty()) {
			jdbc.sql("UPDATE series SET version = version + 1 WHERE " + SeriesKey.anyOf("region, indicator, year"))
				.params(SeriesKey.arrays(series))
				.update();
		}
	}

}
