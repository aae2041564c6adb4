package io.goalpost.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written figure JSON against Jackson's, over figures that reach every branch of it. */
class FigureJsonTests {

	/** JSON values put in place of a field's, each of them right for some field and wrong for others. */
	private static final List<String> VALUES = List.of("null", "0", "2022", "2022.0", "1e3", "-7.50", "3000000000",
			"true", "[]", "{}", "\"\"", "\"x\"", "\"2022\"", "\"2.3\"", "\"target\"", "\"TARGET\"", "\"gte\"",
			"\"final\"", "\"percent\"", "\"2026-12-02T04:05:06Z\"", "\"2026-12-02T04:05:06.5+08:00\"",
			"\"2026-12-02 04:05:06Z\"", "\"2026-12-02T04:05:06\"", "\"12345678-9abc-def0-1234-56789ABCDEF0\"",
			"\"12345678-9abc-def0-1234-56789abcdef\"", "\"EjRWeJq83vASNFZ4mrze8A==\"",
			"{\"title\":\"t\",\"url\":null,\"publisher\":\"p\",\"publishedAt\":null}");

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

	/**
	 * Every figure written is read by hand as Jackson reads it, unless its source's offset has seconds; straight
	 * from its bytes unless, besides, it has a string with an escape in it or a value with an exponent: those are
	 * left to the parser.
	 */
	@Test
	void readsFiguresAsJacksonDoes() {
		int read = 0;
		int fromTheBytes = 0;
		for (int i = 0; i < 20_000; i++) {
			FigureReported figure = figure();
			byte[] json = FigureJson.write(figure);
			String text = json(json);
			boolean secondsInOffset = figure.source() != null && figure.source().publishedAt() != null
					&& figure.source().publishedAt().getOffset().getTotalSeconds() % 60 != 0;
			boolean escaped = text.indexOf('\\') >= 0;
			boolean exponent = figure.value() != null && figure.value().toString().indexOf('E') >= 0;
			FigureReported fast = FigureJson.read(json);
			assertThat(fast == null).as("figure %d left to Jackson", i).isEqualTo(secondsInOffset);
			if (fast != null) {
				assertThat(fast).as("figure %d", i).isEqualTo(figure).isEqualTo(jackson(json));
				read++;
			}
			FigureReported fromBytes = FigureBytes.read(json);
			assertThat(fromBytes == null).as("figure %d left to the parser: %s", i, text)
				.isEqualTo(escaped || exponent || secondsInOffset);
			if (fromBytes != null) {
				assertThat(fromBytes).as("figure %d", i).isEqualTo(figure).isEqualTo(jackson(json));
				fromTheBytes++;
			}
		}
		assertThat(read).isGreaterThan(15_000);
		assertThat(fromTheBytes).isGreaterThan(2_000);
	}

	/** A value longer than Jackson reads a number is left to it, and refused: not parsed here, however long. */
	@Test
	void leavesAValueTooLongForJacksonToJackson() {
		String json = json(FigureJson.write(withTimes(Instant.EPOCH, null)));
		for (String digits : new String[] { "9".repeat(1000), "9".repeat(1001), "9".repeat(100_000) }) {
			byte[] longValue = json.replace("\"value\":2.3", "\"value\":" + digits).getBytes(StandardCharsets.UTF_8);
			if (digits.length() <= 1000) {
				assertThat(FigureBytes.read(longValue).value()).isEqualTo(new BigDecimal(digits));
				assertThat(EventCodec.read(longValue, FigureReported.class).value()).isEqualTo(new BigDecimal(digits));
			}
			else {
				assertThat(FigureBytes.read(longValue)).isNull();
				assertThatThrownBy(() -> EventCodec.read(longValue, FigureReported.class))
					.isInstanceOf(EventCodec.MalformedEventException.class);
			}
		}
	}

	/**
	 * Figures with a field dropped, added, repeated or given another value, reordered, cut short, with a character
	 * changed or something after them: whatever the fast path reads, Jackson reads the same; whatever Jackson
	 * refuses, the codec refuses.
	 */
	@Test
	void readsAnythingButAPlainFigureAsJacksonDoes() {
		int fast = 0;
		int fromTheBytes = 0;
		int leftAndRead = 0;
		int refused = 0;
		for (int i = 0; i < 20_000; i++) {
			byte[] json = changed(json(FigureJson.write(figure()))).getBytes(StandardCharsets.UTF_8);
			FigureReported expected;
			try {
				expected = jackson(json);
			}
			catch (JacksonException ex) {
				assertThat(FigureBytes.read(json)).as("%s", json(json)).isNull();
				assertThat(FigureJson.read(json)).as("%s", json(json)).isNull();
				assertThatThrownBy(() -> EventCodec.read(json, FigureReported.class))
					.isInstanceOf(EventCodec.MalformedEventException.class)
					.hasMessageContaining(ex.getOriginalMessage());
				refused++;
				continue;
			}
			FigureReported fromBytes = FigureBytes.read(json);
			if (fromBytes != null) {
				assertThat(fromBytes).as("%s", json(json)).isEqualTo(expected);
				fromTheBytes++;
			}
			FigureReported read = FigureJson.read(json);
			if (read != null) {
				assertThat(read).as("%s", json(json)).isEqualTo(expected);
				fast++;
			}
			else {
				leftAndRead++;
			}
			assertThat(EventCodec.read(json, FigureReported.class)).isEqualTo(expected);
		}
		assertThat(List.of(fast, leftAndRead, refused)).as("read fast, left to Jackson and read, refused")
			.allSatisfy((count) -> assertThat(count).isGreaterThan(500));
		// Most changes leave an escape in a string or move a field: few stay in the layout written.
		assertThat(fromTheBytes).as("read straight from the bytes").isGreaterThan(100);
	}

	private String changed(String json) {
		return switch (random.nextInt(8)) {
			case 0 -> json.substring(0, random.nextInt(json.length()));
			case 1 -> {
				StringBuilder text = new StringBuilder(json);
				text.setCharAt(random.nextInt(text.length()), (char) (0x20 + random.nextInt(0x5F)));
				yield text.toString();
			}
			case 2 -> json + pick(new String[] { " ", " {}", "1", " null", "\n" });
			case 3 -> json.substring(0, json.length() - 1) + ",\"" + pick(new String[] { "region", "year", "source", "surprise" })
					+ "\":" + pick(VALUES.toArray(String[]::new)) + "}";
			default -> tree(json);
		};
	}

	/** The figure, or its source, with one field dropped, added or given another value, or all of them reordered. */
	private String tree(String json) {
		ObjectNode figure = (ObjectNode) EventCodec.MAPPER.readTree(json);
		ObjectNode object = (figure.get("source") instanceof ObjectNode source && random.nextInt(3) == 0) ? source : figure;
		List<String> names = new ArrayList<>(object.propertyNames());
		String name = pick(names.toArray(String[]::new));
		switch (random.nextInt(4)) {
			case 0 -> object.remove(name);
			case 1 -> object.set(random.nextBoolean() ? "surprise" : "Region", EventCodec.MAPPER.readTree(pick(VALUES.toArray(String[]::new))));
			case 2 -> {
				List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
				Collections.shuffle(fields, random);
				object.removeAll();
				fields.forEach((field) -> object.set(field.getKey(), field.getValue()));
			}
			default -> object.set(name, EventCodec.MAPPER.readTree(pick(VALUES.toArray(String[]::new))));
		}
		return EventCodec.MAPPER.writeValueAsString(figure);
	}

	private static FigureReported jackson(byte[] json) {
		return EventCodec.MAPPER.readValue(json, FigureReported.class);
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
