package io.goalpost.metrics.series;

import java.util.HashMap;
import java.util.Map;

import io.goalpost.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the migrations set that no query shows: how PostgreSQL maintains the tables that grow under load. */
@SpringBootTest(properties = "spring.config.name=metrics")
class SchemaIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void theGrowingTablesAreAnalyzedFromSmallSamples() {
		// ANALYZE samples 300 rows for each unit of the largest target among a table's columns; a column left at
		// the default (-1 before PostgreSQL 17, null since) takes default_statistics_target.
		Map<String, Integer> largestTarget = new HashMap<>();
		jdbc.sql("""
				SELECT c.relname, max(coalesce(nullif(a.attstattarget, -1), current_setting('default_statistics_target')::int))
				FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
				WHERE c.relname IN ('figure_event', 'alert', 'series') AND c.relnamespace = to_regnamespace(current_schema())
				  AND a.attnum > 0 AND NOT a.attisdropped
				GROUP BY c.relname
				""").query((rs, i) -> largestTarget.put(rs.getString(1), rs.getInt(2))).list();

		assertThat(largestTarget).containsExactlyInAnyOrderEntriesOf(Map.of("figure_event", 10, "alert", 10, "series", 100));
	}

}
