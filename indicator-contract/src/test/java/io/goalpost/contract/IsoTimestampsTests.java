package io.goalpost.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoTimestampsTests {

	@Test
	void readsWhatJavaTimeReadsForTimestampsAsEventsWriteThem() {
		Random random = new Random(20261201);
		for (int i = 0; i < 20_000; i++) {
			OffsetDateTime time = OffsetDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(28),
					random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextBoolean() ? 0 : random.nextInt(1_000_000_000),
					ZoneOffset.ofTotalSeconds((random.nextInt(29) - 14) * 3600 + (random.nextBoolean() ? 0 : 1800)));
			String text = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			assertThat(IsoTimestamps.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
			String utc = time.toInstant().toString();
			assertThat(IsoTimestamps.parse(utc).toInstant()).as(utc).isEqualTo(Instant.parse(utc));
		}
	}

	@Test
	void leavesEveryOtherLayoutToTheStandardReader() {
		for (String other : new String[] { "2022-01-17T00:00+08:00", "2022-01-17 00:00:00Z", "2022-01-17T00:00:00", "2022-02-30T00:00:00Z",
				"2022-01-17T24:00:00Z", "2022-01-17T00:00:00.Z", "2022-01-17T00:00:00.1234567891Z", "2022-01-17T00:00:00+8:00",
				"2022-01-17T00:00:00+19:00", "2022-01-17T00:00:00z", "+12022-01-17T00:00:00Z", "" }) {
			assertThat(IsoTimestamps.parse(other)).as(other).isNull();
		}
	}

	@Test
	void eventsReadTheSameAsWithTheStandardReader() {
		String figure = """
				{"eventId":"180a2282-d6c3-3db5-85d4-60420275bf87","region":"chongqing","indicator":"high_tech_enterprises",
				 "year":2022,"kind":"target","comparator":"gt","value":5500,"unit":"count","status":null,
				 "source":{"title":"t","url":null,"publisher":null,"publishedAt":"%s"},"sentence":null,"reportedAt":"%s"}""";
		FigureReported read = EventCodec.read(figure.formatted("2022-01-17T00:00:00+08:00", "2026-11-22T21:59:25.761Z")
			.getBytes(StandardCharsets.UTF_8), FigureReported.class);
		assertThat(read.source().publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-17T00:00:00+08:00"));
		assertThat(read.source().publishedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
		assertThat(read.reportedAt()).isEqualTo(Instant.parse("2026-11-22T21:59:25.761Z"));
		// Not the events' layout: the standard reader takes it as before.
		assertThat(EventCodec.read(figure.formatted("2022-01-17T00:00+08:00", "2026-11-22T21:59:25.761+08:00")
			.getBytes(StandardCharsets.UTF_8), FigureReported.class).reportedAt()).isEqualTo(Instant.parse("2026-11-22T13:59:25.761Z"));
		assertThatThrownBy(() -> EventCodec.read(figure.formatted("2022-02-30T00:00:00+08:00", "2026-11-22T21:59:25.761Z")
			.getBytes(StandardCharsets.UTF_8), FigureReported.class)).isInstanceOf(EventCodec.MalformedEventException.class);
	}

}
