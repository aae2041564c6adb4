package io.goalpost.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;

/**
 * What the service's state must be once every figure the harness published is applied, worked out
 * independently of the service from the figures themselves, in publication order per series: the harness's
 * targets are all "at least" one value, so a later actual below it misses and one at or above it meets. Its
 * years are in the future and later years come first ({@link Workload}), so no actual is overdue and no trend
 * projects a miss: every alert is a {@code TARGET_MISSED}, which the check also asserts.
 * Compared with the database at the end of a run: a benchmark that lost, repeated or reordered anything fails.
 */
final class ExpectedState {

	private record Series(BigDecimal target, BigDecimal actual, boolean firing) {
	}

	private final Map<String, Series> series = new HashMap<>();

	private long fired;

	private long resolved;

	/** Figures must come in the order they were published within each series. */
	synchronized void add(FigureReported figure) {
		String key = figure.region() + ":" + figure.indicator() + ":" + figure.year();
		Series before = series.getOrDefault(key, new Series(null, null, false));
		BigDecimal target = (figure.kind() == FigureKind.TARGET) ? figure.value() : before.target();
		BigDecimal actual = (figure.kind() == FigureKind.ACTUAL) ? figure.value() : before.actual();
		boolean firing = before.firing();
		if (target != null && actual != null) {
			boolean missed = actual.compareTo(target) < 0;
			if (missed && !firing) {
				fired++;
			}
			if (!missed && firing) {
				resolved++;
			}
			firing = missed;
		}
		series.put(key, new Series(target, actual, firing));
	}

	/** How many alert changes the figures published so far imply: every firing and every resolution. */
	synchronized long changes() {
		return fired + resolved;
	}

	/**
	 * @param received the event ids the harness read from the alert topic
	 * @return a summary of what was checked; throws if the database or the topic holds anything else
	 */
	synchronized String check(Connection connection, java.util.Set<String> received) throws SQLException {
		long missed = series.values().stream().filter((s) -> s.target() != null && s.actual() != null && s.firing()).count();
		long met = series.values().stream().filter((s) -> s.target() != null && s.actual() != null && !s.firing()).count();
		Map<String, Long> expected = Map.ofEntries(Map.entry("series", (long) series.size()), Map.entry("verdict MISSED", missed),
				Map.entry("verdict MET", met), Map.entry("verdict PENDING", series.size() - missed - met),
				Map.entry("alerts FIRING", missed), Map.entry("alerts raised", fired), Map.entry("alerts resolved", resolved),
				Map.entry("alert changes fired", fired), Map.entry("alert changes resolved", resolved),
				Map.entry("alert changes not yet published", 0L), Map.entry("alerts of other kinds", 0L));
		Map<String, Long> actual = new HashMap<>();
		try (Statement sql = connection.createStatement()) {
			actual.put("series", one(sql, "SELECT count(*) FROM series"));
			for (String verdict : new String[] { "MISSED", "MET", "PENDING" }) {
				actual.put("verdict " + verdict, one(sql, "SELECT count(*) FROM series WHERE verdict = '" + verdict + "'"));
			}
			actual.put("alerts FIRING", one(sql, "SELECT count(*) FROM alert WHERE state = 'FIRING'"));
			actual.put("alerts raised", one(sql, "SELECT count(*) FROM alert"));
			actual.put("alerts resolved", one(sql, "SELECT count(*) FROM alert WHERE state = 'RESOLVED'"));
			actual.put("alert changes fired", received.stream().filter((id) -> id.endsWith(":firing")).count());
			actual.put("alert changes resolved", received.stream().filter((id) -> id.endsWith(":resolved")).count());
			actual.put("alerts of other kinds", one(sql, "SELECT count(*) FROM alert WHERE kind <> 'TARGET_MISSED'"));
			actual.put("alert changes not yet published", one(sql, "SELECT count(*) FROM alert_outbox"));
		}
		if (!actual.equals(expected)) {
			throw new IllegalStateException("The state is not what the figures published imply.\n  expected " + new java.util.TreeMap<>(expected)
					+ "\n  found    " + new java.util.TreeMap<>(actual));
		}
		return "%,d series (%,d missed, %,d met), %,d alerts raised and %,d resolved: exactly as expected".formatted(series.size(),
				missed, met, fired, resolved);
	}

	private static long one(Statement sql, String query) throws SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
