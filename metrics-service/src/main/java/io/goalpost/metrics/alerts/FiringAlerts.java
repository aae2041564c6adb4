package io.goalpost.metrics.alerts;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.goalpost.contract.AlertKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What is firing where, for views that show alerts beside the figures (the scorecard). */
@Component
public class FiringAlerts {

	private final JdbcClient jdbc;

	FiringAlerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The kinds of alert firing on each indicator of a region in a year. */
	public Map<String, Set<AlertKind>> byIndicator(String region, int year) {
		Map<String, Set<AlertKind>> firing = new HashMap<>();
		jdbc.sql("SELECT indicator, kind FROM alert WHERE state = 'FIRING' AND region = :region AND year = :year")
			.param("region", region)
			.param("year", year)
			.query((rs, i) -> firing.computeIfAbsent(rs.getString("indicator"), (k) -> EnumSet.noneOf(AlertKind.class))
				.add(AlertKind.valueOf(rs.getString("kind"))))
			.list();
		return firing;
	}

}
