package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of two figures of a series is its current one: {@link SeriesUpdater#CURRENCY}. */
class CurrencyTests {

	private static final Instant REPORTED = Instant.parse("2024-03-01T08:00:00.000001Z");

	private static final UUID FIRST_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private static final UUID SECOND_ID = UUID.fromString("00000000-0000-0000-0000-000000000002");

	@Test
	void theLaterPublicationIsCurrentWhateverItsOffsetOrStatus() {
		Figure earlier = figure(FIRST_ID, "2023-01-20T09:00:00+08:00", "final", REPORTED);
		Figure later = figure(SECOND_ID, "2023-01-20T02:00:00Z", "estimate", REPORTED);

		assertThat(SeriesUpdater.CURRENCY.compare(later, earlier)).isPositive();
		assertThat(SeriesUpdater.CURRENCY.compare(earlier, later)).isNegative();
	}

	@Test
	void oneInstantInTwoOffsetsIsOnePublicationAndTheMoreSettledStatusIsCurrent() {
		Figure estimate = figure(FIRST_ID, "2023-01-20T08:00:00+08:00", "estimate", REPORTED);
		Figure preliminary = figure(SECOND_ID, "2023-01-20T00:00:00Z", "preliminary", REPORTED);
		Figure fin = figure(FIRST_ID, "2023-01-20T00:00:00Z", "final", REPORTED);

		assertThat(SeriesUpdater.CURRENCY.compare(preliminary, estimate)).isPositive();
		assertThat(SeriesUpdater.CURRENCY.compare(fin, preliminary)).isPositive();
		assertThat(SeriesUpdater.CURRENCY.compare(figure(FIRST_ID, "2023-01-20T00:00:00Z", null, REPORTED), preliminary))
			.as("no status counts as final").isPositive();
	}

	@Test
	void timesCountToTheMicrosecondAsPostgreSqlKeepsThem() {
		Figure stored = figure(FIRST_ID, "2023-01-20T00:00:00.123456Z", "final", REPORTED);
		Figure sameMicrosecond = figure(FIRST_ID, "2023-01-20T00:00:00.123456999Z", "final", REPORTED.plusNanos(999));
		Figure nextMicrosecond = figure(FIRST_ID, "2023-01-20T00:00:00.123457Z", "final", REPORTED);

		assertThat(SeriesUpdater.CURRENCY.compare(sameMicrosecond, stored)).isZero();
		assertThat(SeriesUpdater.CURRENCY.compare(nextMicrosecond, stored)).isPositive();
	}

	@Test
	void withinOnePublicationAndStatusTheLaterReportThenTheEventIdDecide() {
		Figure reported = figure(SECOND_ID, "2023-01-20T00:00:00Z", "final", REPORTED);
		Figure reportedLater = figure(FIRST_ID, "2023-01-20T00:00:00Z", "final", REPORTED.plusMillis(1));
		Figure sameReport = figure(FIRST_ID, "2023-01-20T00:00:00Z", "final", REPORTED);

		assertThat(SeriesUpdater.CURRENCY.compare(reportedLater, reported)).isPositive();
		assertThat(SeriesUpdater.CURRENCY.compare(reported, sameReport)).isPositive();
	}

	@Test
	void aFigureWithoutAPublicationDateIsPublishedWhenItWasReported() {
		Figure undated = figure(FIRST_ID, null, "final", Instant.parse("2023-01-21T00:00:00Z"));
		Figure dated = figure(SECOND_ID, "2023-01-20T00:00:00Z", "final", REPORTED);

		assertThat(SeriesUpdater.CURRENCY.compare(undated, dated)).isPositive();
		assertThat(SeriesUpdater.CURRENCY.compare(figure(FIRST_ID, null, "final", Instant.parse("2023-01-20T00:00:00Z")),
				figure(FIRST_ID, "2023-01-20T08:00:00+08:00", "final", Instant.parse("2023-01-20T00:00:00Z"))))
			.isZero();
	}

	private static Figure figure(UUID id, String publishedAt, String status, Instant reportedAt) {
		return new Figure(id, "actual", "eq", BigDecimal.ONE, "count", status,
				new Figure.Provenance(null, null, null, (publishedAt != null) ? OffsetDateTime.parse(publishedAt) : null),
				null, reportedAt, null);
	}

}
