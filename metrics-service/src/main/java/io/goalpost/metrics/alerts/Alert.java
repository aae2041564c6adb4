package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertChanged.Projection;
import io.goalpost.contract.AlertChanged.Summary;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.Severity;
import io.goalpost.metrics.series.Figure;
import io.goalpost.metrics.series.SeriesKey;

/**
 * A stored alert: one firing of one kind of alert on one series, from {@code startsAt} until it resolves at
 * {@code endsAt}.
 *
 * @param silenced whether its last change happened under a silence and so was not published
 * @param publishedState the state subscribers last saw; null if none was ever published
 */
public record Alert(UUID alertId, String fingerprint, AlertKind kind, String region, String indicator, int year,
		AlertState state, String targetComparator, BigDecimal targetValue, BigDecimal actualValue, BigDecimal shortfall,
		String unit, Projection projection, Summary summary, Instant startsAt, Instant endsAt, Instant updatedAt,
		boolean silenced, AlertState publishedState) {

	@JsonProperty
	public Severity severity() {
		return kind.severity();
	}

	@JsonProperty
	public Map<String, String> labels() {
		return AlertChanged.labels(kind, region, indicator, year);
	}

	SeriesKey series() {
		return new SeriesKey(region, indicator, year);
	}

	Alert withPublication(boolean silenced, AlertState publishedState) {
		return new Alert(alertId, fingerprint, kind, region, indicator, year, state, targetComparator, targetValue,
				actualValue, shortfall, unit, projection, summary, startsAt, endsAt, updatedAt, silenced, publishedState);
	}

	/** The change as subscribers receive it. */
	AlertChanged changed() {
		return new AlertChanged(fingerprint, alertId, kind, kind.severity(), state, region, indicator, year, labels(),
				summary, Figure.parse(Comparator.class, targetComparator),
				targetValue, actualValue, shortfall, unit, projection, startsAt, endsAt);
	}

}
