package io.goalpost.metrics.series;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.goalpost.testsupport.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows through both of {@link Unnest}'s ways into PostgreSQL come back as they went in, whatever their text holds. */
class UnnestIntegrationTests {

	record Row(String text, UUID id, Integer year, BigDecimal value, OffsetDateTime at, Long offset, byte[] payload) {
	}

	private static final Unnest<Row> ROWS = new Unnest<>(Unnest.Column.of("text", Row::text),
			Unnest.Column.of("uuid", Row::id), Unnest.Column.of("integer", Row::year),
			Unnest.Column.of("numeric", Row::value), Unnest.Column.of("timestamptz", Row::at),
			Unnest.Column.of("bigint", Row::offset), Unnest.Column.of("bytea", Row::payload));

	/** Text that COPY's text format, or an array written out as text, would read a meaning into. */
	private static final List<String> AWKWARD = List.of("", " ", "NULL", "null", "a,b", "{x}", "\"quoted\"", "back\\slash",
			"\\\"", "tab\there", "line\nbreak", "carriage\rreturn", " padded ", "全社会研发经费支出占比提高到2.3%左右", "𠮷 surrogate pair",
			"\\N");

	private static SingleConnectionDataSource dataSource;

	private static JdbcClient jdbc;

	@BeforeAll
	static void connect() throws SQLException {
		Infrastructure.Database database = Infrastructure.postgres().newDatabase();
		Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
		dataSource = new SingleConnectionDataSource(connection, true);
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("CREATE TABLE row_copy (text text, id uuid, year integer, value numeric, at timestamptz, \"offset\" bigint,"
				+ " payload bytea)").update();
	}

	@AfterAll
	static void close() {
		dataSource.destroy();
	}

	@Test
	void arraysCarryEveryValueAsItWas() {
		List<Row> rows = rows();

		List<Row> read = jdbc.sql("SELECT * FROM " + ROWS.call()).params(ROWS.arrays(rows)).query(UnnestIntegrationTests::row).list();

		assertSame(read, rows);
	}

	@Test
	void copyTextCarriesEveryValueAsItWas() throws Exception {
		List<Row> rows = rows();

		dataSource.getConnection().unwrap(PGConnection.class).getCopyAPI()
			.copyIn("COPY row_copy FROM STDIN", new ByteArrayInputStream(ROWS.copyText(rows)));

		assertSame(jdbc.sql("SELECT * FROM row_copy ORDER BY year").query(UnnestIntegrationTests::row).list(), rows);
	}

	@Test
	void noRowsAreNoRows() {
		assertThat(jdbc.sql("SELECT count(*) FROM " + ROWS.call()).params(ROWS.arrays(List.of())).query(Long.class).single())
			.isZero();
	}

	/** A row for each awkward text, and a row of nulls. */
	private static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		long n = 0;
		for (String text : AWKWARD) {
			rows.add(new Row(text, UUID.randomUUID(), (int) n, new BigDecimal("-12.50").add(BigDecimal.valueOf(n)),
					OffsetDateTime.parse("2025-01-02T03:04:05.123456+08:00").plusDays(n), Long.MAX_VALUE - n,
					text.getBytes(StandardCharsets.UTF_8)));
			n++;
		}
		rows.add(new Row(null, null, null, null, null, null, null));
		return rows;
	}

	private static Row row(java.sql.ResultSet rs, int i) throws SQLException {
		return new Row(rs.getString(1), rs.getObject(2, UUID.class), (Integer) rs.getObject(3), rs.getBigDecimal(4),
				rs.getObject(5, OffsetDateTime.class), (Long) rs.getObject(6), rs.getBytes(7));
	}

	/** Rows equal value for value: instants compared as instants, numbers by their scale too, bytes by content. */
	private static void assertSame(List<Row> actual, List<Row> expected) {
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			Row a = actual.get(i);
			Row e = expected.get(i);
			assertThat(a.text()).isEqualTo(e.text());
			assertThat(a.id()).isEqualTo(e.id());
			assertThat(a.year()).isEqualTo(e.year());
			assertThat(a.value()).isEqualTo(e.value());
			assertThat((a.at() != null) ? a.at().toInstant() : null).isEqualTo((e.at() != null) ? e.at().toInstant() : null);
			assertThat(a.offset()).isEqualTo(e.offset());
			assertThat(a.payload()).isEqualTo(e.payload());
		}
	}

}
