package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.FigureStatus;
import io.goalpost.contract.Source;
import io.goalpost.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large batch of figures goes into the database by {@code COPY}, which cannot skip a figure stored before;
 * these tests check that what is copied is what was sent, and that a batch holding a figure stored before
 * still stores exactly its new ones, in the same transaction.
 */
@SpringBootTest(properties = "spring.config.name=metrics")
class FigureStorageIntegrationTests {

	// Every character COPY's text format escapes, and text that is not ASCII.
	private static final String AWKWARD = "力争\t高新技术企业突破\\5500家\n（新闻稿）\r";

	@Autowired
	SeriesRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure.register(registry);
	}

	@Test
	void aLargeBatchIsCopiedAsSent() {
		List<Received> batch = batch("beijing", 2040, SeriesRepository.COPY_FROM, 0);

		assertThat(inOneTransaction(() -> repository.copyAllNew(batch))).isTrue();

		List<String> stored = jdbc.sql("""
				SELECT event_id, year, kind, comparator, value, unit, status, source_title, source_url, published_at,
				    sentence, reported_at, kafka_partition, kafka_offset
				FROM figure_event WHERE region = 'beijing' ORDER BY year
				""")
			.query((rs, i) -> String.join("|", rs.getString("event_id"), rs.getString("year"), rs.getString("kind"),
					rs.getString("comparator"), rs.getBigDecimal("value").toPlainString(), rs.getString("unit"),
					String.valueOf(rs.getString("status")), rs.getString("source_title"), rs.getString("source_url"),
					rs.getObject("published_at", OffsetDateTime.class).toInstant().toString(), rs.getString("sentence"),
					rs.getTimestamp("reported_at").toInstant().toString(), rs.getString("kafka_partition"),
					rs.getString("kafka_offset")))
			.list();
		assertThat(stored).containsExactlyElementsOf(batch.stream().map((r) -> {
			FigureReported f = r.figure();
			return String.join("|", f.eventId().toString(), Integer.toString(f.year()), "target", "gte",
					f.value().toPlainString(), f.unit(), "null", f.source().title(), f.source().url(),
					f.source().publishedAt().toInstant().toString(), f.sentence(), f.reportedAt().toString(),
					Integer.toString(r.partition()), Long.toString(r.offset()));
		}).toList());
	}

	@Test
	void aBatchWithAFigureStoredBeforeStoresOnlyItsNewOnesInTheSameTransaction() {
		List<Received> first = batch("tianjin", 2040, SeriesRepository.COPY_FROM, 0);
		assertThat(inOneTransaction(() -> repository.insertFigures(first))).hasSize(first.size());

		List<Received> again = new ArrayList<>(first);
		Received fresh = batch("tianjin", 2040 + first.size(), 1, first.size()).getFirst();
		again.add(fresh);
		Set<UUID> stored = inOneTransaction(() -> {
			assertThat(repository.copyAllNew(again)).as("copied").isFalse();
			// The transaction goes on after the refused copy: this is what a batch of the listener does next.
			return repository.insertFigures(again);
		});

		assertThat(stored).containsExactly(fresh.figure().eventId());
		assertThat(jdbc.sql("SELECT count(*) FROM figure_event WHERE region = 'tianjin'").query(Long.class).single())
			.isEqualTo(first.size() + 1L);
	}

	private <T> T inOneTransaction(java.util.function.Supplier<T> work) {
		return transactions.execute((status) -> work.get());
	}

	/** Targets for consecutive years of one region's indicator, with awkward text, as consecutive offsets. */
	private static List<Received> batch(String region, int firstYear, int size, long firstOffset) {
		List<Received> batch = new ArrayList<>(size);
		Instant reportedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		for (int i = 0; i < size; i++) {
			int year = firstYear + i;
			Source source = new Source("工作报告\t" + year, "https://example.org/" + region + "/" + year, "test",
					OffsetDateTime.parse("2039-01-17T00:00:00+08:00"));
			BigDecimal value = new BigDecimal("5500.5").add(BigDecimal.valueOf(i));
			UUID id = FigureReported.idOf(region, "high_tech_enterprises", year, FigureKind.TARGET, Comparator.GTE, value,
					null, source);
			batch.add(new Received(new FigureReported(id, region, "high_tech_enterprises", year, FigureKind.TARGET,
					Comparator.GTE, value, "count", (FigureStatus) null, source, AWKWARD + year, reportedAt), 2,
					firstOffset + i));
		}
		return batch;
	}

}
