package io.goalpost.metrics.alerts;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Severity;
import io.goalpost.metrics.web.QueryParams;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which alerts a reader wants, the same for the list and the stream; every field is optional.
 *
 * @param silenced whether the alert's last change was held back by a silence
 */
record AlertFilter(AlertState state, AlertKind kind, Severity severity, String region, String indicator,
		Integer year, Boolean silenced) {

	static final String WHERE = """
			(CAST(:state AS text) IS NULL OR state = :state)
			  AND (CAST(:kind AS text) IS NULL OR kind = :kind)
			  AND (CAST(:severity AS text) IS NULL OR severity = :severity)
			  AND (CAST(:region AS text) IS NULL OR region = :region)
			  AND (CAST(:indicator AS text) IS NULL OR indicator = :indicator)
			  AND (CAST(:year AS integer) IS NULL OR year = :year)
			  AND (CAST(:silenced AS boolean) IS NULL OR silenced = :silenced)
			""";

	static AlertFilter of(String state, String kind, String severity, String region, String indicator, Integer year,
			Boolean silenced) {
		return new AlertFilter(QueryParams.oneOf("state", state, AlertState.class),
				QueryParams.oneOf("kind", kind, AlertKind.class), QueryParams.oneOf("severity", severity, Severity.class),
				QueryParams.text(region), QueryParams.text(indicator), year, silenced);
	}

	MapSqlParameterSource params() {
		return new MapSqlParameterSource().addValue("state", (state != null) ? state.name() : null)
			.addValue("kind", (kind != null) ? kind.name() : null)
			.addValue("severity", (severity != null) ? severity.id() : null)
			.addValue("region", region)
			.addValue("indicator", indicator)
			.addValue("year", year)
			.addValue("silenced", silenced);
	}

	/** Whether a published change passes the filter; a published change was never silenced. */
	boolean matches(AlertChanged change) {
		return (state == null || state == change.state()) && (kind == null || kind == change.kind())
				&& (severity == null || severity == change.severity())
				&& (region == null || region.equals(change.region()))
				&& (indicator == null || indicator.equals(change.indicator()))
				&& (year == null || year == change.year()) && !Boolean.TRUE.equals(silenced);
	}

}
