package io.goalpost.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written figure JSON against Jackson's, over figures that reach every branch of it. */
class FigureJsonTests {

	private final Random random = new Random(20261202);

	@Test
	void writesFiguresByteForByteAsJacksonDoes() {
		for (int i = 0; i < 20_000; i++) {
			FigureReported figure = figure();
			assertThat(json(FigureJson.write(figure))).as("figure %d", i)
				.isEqualTo(json(EventCodec.MAPPER.writeValueAsBytes(figure)));
		}
	}

	@Test
	void writesTimesAtTheEdgesOfTheFastPathAsJacksonDoes() {
		for (Instant time : new Instant[] { Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
				Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
				Instant.parse("2026-12-02T04:05:06.000001Z"), Instant.parse("2026-12-02T04:05:06.100Z") }) {
			FigureReported figure = withTimes(time, OffsetDateTime.ofInstant(time, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)));
			assertThat(json(FigureJson.write(figure))).isEqualTo(json(EventCodec.MAPPER.writeValueAsBytes(figure)));
		}
	}

	private FigureReported figure() {
		Source source = switch (random.nextInt(4)) {
			case 0 -> null;
			case 1 -> Source.UNKNOWN;
			default -> new Source(text(), text(), text(), random.nextBoolean() ? offsetTime() : null);
		};
		FigureKind kind = pick(FigureKind.values());
		return new FigureReported(random.nextInt(20) == 0 ? null : UUID.randomUUID(), text(), text(),
				1949 + random.nextInt(152), kind, pick(Comparator.values()), value(), text(),
				random.nextBoolean() ? null : pick(FigureStatus.values()), source, text(), instant());
	}

	private FigureReported withTimes(Instant reportedAt, OffsetDateTime publishedAt) {
		return new FigureReported(UUID.randomUUID(), "chongqing", "rd_intensity", 2022, FigureKind.ACTUAL, Comparator.EQ,
				new BigDecimal("2.3"), "percent", FigureStatus.FINAL, new Source("t", "u", "p", publishedAt), null, reportedAt);
	}

	/** Null, plain, or with every kind of character a JSON writer must escape or encode. */
	private String text() {
		if (random.nextInt(5) == 0) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(12);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(5)) {
				case 0 -> text.append((char) random.nextInt(0x80));
				case 1 -> text.append((char) (0x4E00 + random.nextInt(0x5000)));
				case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(0x50));
				case 3 -> text.append((char) (0x80 + random.nextInt(0x780)));
				default -> text.append((char) ('a' + random.nextInt(26)));
			}
		}
		return text.toString();
	}

	private BigDecimal value() {
		if (random.nextInt(20) == 0) {
			return null;
		}
		BigInteger unscaled = BigInteger.valueOf(random.nextLong() >> random.nextInt(63));
		return new BigDecimal(unscaled, random.nextInt(30) - 12);
	}

	private Instant instant() {
		long seconds = random.nextLong(0, 253_402_300_800L);
		int nanos = switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> random.nextInt(1000) * 1_000_000;
			case 2 -> random.nextInt(1_000_000) * 1_000;
			default -> random.nextInt(1_000_000_000);
		};
		return Instant.ofEpochSecond(seconds, nanos);
	}

	private OffsetDateTime offsetTime() {
		ZoneOffset offset = switch (random.nextInt(3)) {
			case 0 -> ZoneOffset.UTC;
			case 1 -> ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800);
			default -> ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600));
		};
		return OffsetDateTime.ofInstant(instant(), offset);
	}

	private <T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String json(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
