package io.goalpost.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL from the embedded binaries, with its data directory under the local stack's data
 * directory so the state survives a restart. Creates the {@code goalpost} role and database on first start.
 */
final class LocalPostgres implements AutoCloseable {

	static final String DATABASE = "goalpost";

	static final String USER = "goalpost";

	static final String PASSWORD = "goalpost";

	private final EmbeddedPostgres server;

	private final int port;

	LocalPostgres(Path dataDirectory, int port) throws IOException, SQLException {
		Path directory = dataDirectory.resolve("postgres");
		Files.createDirectories(directory);
		this.server = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(port)
			// docs/operations.md: statistics that keep up with tables filling under load.
			.setServerConfig("autovacuum_naptime", "10s")
			// The library starts its server for tests, without fsync and with commits acknowledged before they
			// are on disk. This one keeps its data between runs, and a consumer commits its offsets once its
			// transaction is acknowledged: a commit lost in a crash would be figures lost.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start();
		this.port = port;
		createDatabase();
	}

	private void createDatabase() throws SQLException {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			boolean exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next();
			if (!exists) {
				statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
				statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
			}
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
