package io.goalpost.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;

final class ContainerPostgres implements Infrastructure.Postgres {

	private final PostgreSQLContainer container = new PostgreSQLContainer(Infrastructure.POSTGRES_IMAGE)
		.withCommand("postgres", "-c", "fsync=off", "-c", "track_commit_timestamp=on", "-c",
				"shared_preload_libraries=pg_stat_statements", "-c", "autovacuum_naptime=10s");

	ContainerPostgres() {
		container.start();
	}

	@Override
	public Infrastructure.Database newDatabase() {
		String name = Databases.create(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		String url = container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		return new Infrastructure.Database(url, container.getUsername(), container.getPassword());
	}

}
