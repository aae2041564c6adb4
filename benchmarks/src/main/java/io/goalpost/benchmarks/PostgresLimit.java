package io.goalpost.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.metrics.series.Received;
import io.goalpost.metrics.series.SeriesKey;
import io.goalpost.metrics.series.Unnest;
import io.goalpost.testsupport.Infrastructure;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's rate for the writes Goalpost makes of each figure, done without Goalpost: into the schema
 * metrics-service migrates (its Flyway scripts, so the same columns and indexes), each batch of figures
 * stored whole and the state of every series it touches upserted, one transaction per batch. The figures go by
 * {@code COPY} straight into their table, each row as the service writes it ({@link Received#ROWS}); the series
 * in one upsert of {@code unnest}ed arrays. {@code COPY} into a staging table and an upsert from it cost the server
 * 4-9% more a series row and the client about a quarter more (docs/benchmarks.md, "Runs 58–64"). As many connections as the
 * service has consumers, each with series of its own, as partitions would give them.
 */
final class PostgresLimit {

	private static final Unnest<FigureReported> SERIES_ROWS = new Unnest<>(
			Unnest.Column.of("text", FigureReported::region),
			Unnest.Column.of("text", FigureReported::indicator),
			Unnest.Column.of("integer", FigureReported::year),
			Unnest.Column.of("text", FigureReported::unit),
			Unnest.Column.of("uuid", (FigureReported f) -> (f.kind() == FigureKind.TARGET) ? f.eventId() : null),
			Unnest.Column.of("uuid", (FigureReported f) -> (f.kind() == FigureKind.TARGET) ? null : f.eventId()),
			Unnest.Column.of("text", (FigureReported f) -> (f.kind() == FigureKind.TARGET) ? "PENDING" : "MET"),
			Unnest.Column.of("timestamptz", FigureReported::reportedAt),
			Unnest.Column.of("integer", (FigureReported f) -> 1));

	private static final String UPSERT_SERIES = """
			INSERT INTO series AS s (region, indicator, year, unit, target_event_id, actual_event_id, verdict, updated_at, version)
			SELECT * FROM %s AS u(region, indicator, year, unit, target_event_id, actual_event_id, verdict, updated_at, version)
			ORDER BY region, indicator, year
			ON CONFLICT (region, indicator, year) DO UPDATE SET
			    target_event_id = coalesce(excluded.target_event_id, s.target_event_id),
			    actual_event_id = coalesce(excluded.actual_event_id, s.actual_event_id),
			    verdict = excluded.verdict, updated_at = excluded.updated_at, version = s.version + 1""".formatted(SERIES_ROWS.call());

	private final Workload workload;

	private final long figures;

	private final int batch;

	private final int connections;

	PostgresLimit(Workload workload, long figures, int batch, int connections) {
		this.workload = workload;
		this.figures = figures;
		this.batch = batch;
		this.connections = connections;
	}

	/**
	 * @return figures/s, from the first batch to the last commit of all connections, and the machine's time a
	 *         figure by process in that time, so that PostgreSQL's cost a figure here can be set beside its cost in the
	 *         throughput phase (null where /proc cannot be read)
	 */
	Measured measure(ExecutorService threads) throws Exception {
		Infrastructure.Database database = Infrastructure.postgres().newDatabase();
		Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		Map<String, long[]> writesBefore = PipelineHarness.resetStatementStats(database);
		MachineTime.Snapshot machineBefore = MachineTime.take();
		long start = System.nanoTime();
		List<CompletableFuture<Void>> writers = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			int connection = c;
			writers.add(CompletableFuture.runAsync(() -> write(database, connection), threads));
		}
		CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
		double seconds = (System.nanoTime() - start) / 1e9;
		String machineTime = MachineTime.perFigure(machineBefore, MachineTime.take(), figures);
		// Statement by statement beside the throughput phase's, which prints the same table.
		PipelineHarness.topStatements(database, "this limit", seconds, writesBefore);
		// Left in place, a million rows would be vacuumed and analyzed by autovacuum while the phases measured next
		// run. Truncated, their files are unlinked at the next checkpoint: done here, not in the middle of a phase.
		try (Connection sql = PipelineHarness.connect(database); Statement statement = sql.createStatement()) {
			statement.execute("TRUNCATE figure_event, series");
			checkpoint(statement);
		}
		return new Measured(figures / seconds, machineTime);
	}

	record Measured(double rate, String machineTime) {
	}

	/** A checkpoint where the harness's user may take one: a superuser on PostgreSQL 14, as the test servers give it. */
	private static void checkpoint(Statement statement) throws SQLException {
		try {
			statement.execute("CHECKPOINT");
		}
		catch (SQLException ex) {
			if (!"42501".equals(ex.getSQLState())) {
				throw ex;
			}
			PipelineHarness.say("  (no checkpoint after the limit: the database user may not take one)");
		}
	}

	/** The figures of the series that fall to this connection, a batch per transaction. */
	private void write(Infrastructure.Database database, int connection) {
		try (Connection sql = PipelineHarness.connect(database); PreparedStatement upsert = sql.prepareStatement(UPSERT_SERIES)) {
			sql.setAutoCommit(false);
			PGConnection pg = sql.unwrap(PGConnection.class);
			Instant now = Instant.now();
			List<FigureReported> rows = new ArrayList<>(batch);
			for (long n = 0; n < figures; n++) {
				if ((n % workload.series()) % connections != connection) {
					continue;
				}
				rows.add(workload.figure(n, now));
				if (rows.size() == batch) {
					commit(sql, pg, upsert, rows, n);
				}
			}
			if (!rows.isEmpty()) {
				commit(sql, pg, upsert, rows, figures);
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("The PostgreSQL limit could not be measured", ex);
		}
	}

	private void commit(Connection sql, PGConnection pg, PreparedStatement upsert, List<FigureReported> rows, long offset)
			throws SQLException, IOException {
		pg.getCopyAPI().copyIn("COPY figure_event (" + Received.COLUMNS + ") FROM STDIN",
				new ByteArrayInputStream(Received.ROWS.copyText(rows.stream().map((f) -> new Received(f, 0, offset)).toList())));
		Object[] columns = SERIES_ROWS.arrays(latestOfEachSeries(rows));
		for (int c = 0; c < columns.length; c++) {
			upsert.setObject(c + 1, columns[c]);
		}
		upsert.executeUpdate();
		sql.commit();
		rows.clear();
	}

	/** One row per series, its latest figure of the batch, in key order: what the series state points at. */
	private static List<FigureReported> latestOfEachSeries(List<FigureReported> rows) {
		Map<SeriesKey, FigureReported> latest = new LinkedHashMap<>();
		rows.forEach((f) -> latest.put(new SeriesKey(f.region(), f.indicator(), f.year()), f));
		return latest.values().stream().sorted(Comparator.comparing(FigureReported::region)
			.thenComparing(FigureReported::indicator).thenComparingInt(FigureReported::year)).toList();
	}

}
