package io.goalpost.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the timestamps of events as they are written ({@code 2026-11-22T21:59:25.761Z},
 * {@code 2022-01-17T00:00:00+08:00}) by hand: a consumer reads two in every figure, and the general ISO
 * parser was a tenth of its time. Anything else (another layout, a number) goes to Jackson's own reader,
 * which accepts or refuses it as before. Writes them by hand too, as Jackson's formatters do, for the same
 * reason on the producing side; times outside the years 0000-9999 go to those formatters.
 */
final class IsoTimestamps {

	private IsoTimestamps() {
	}

	static SimpleModule module() {
		return new SimpleModule("goalpost-iso-timestamps")
			.addDeserializer(Instant.class, new Fast<>(InstantDeserializer.INSTANT, OffsetDateTime::toInstant))
			.addDeserializer(OffsetDateTime.class, new Fast<>(InstantDeserializer.OFFSET_DATE_TIME, (time) -> time));
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of up to nine digits, then {@code Z} or {@code ±HH:MM};
	 * null for any other text.
	 */
	static OffsetDateTime parse(String text) {
		int n = text.length();
		if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		int i = 19;
		int nanos = 0;
		if (text.charAt(i) == '.') {
			int start = ++i;
			while (i < n && i - start < 9 && Character.isDigit(text.charAt(i))) {
				nanos = nanos * 10 + (text.charAt(i++) - '0');
			}
			if (i == start) {
				return null;
			}
			for (int scale = i - start; scale < 9; scale++) {
				nanos *= 10;
			}
		}
		ZoneOffset offset = offset(text, i);
		if ((year | month | day | hour | minute | second) < 0 || offset == null) {
			return null;
		}
		try {
			return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static ZoneOffset offset(String text, int i) {
		int rest = text.length() - i;
		if (rest == 1 && text.charAt(i) == 'Z') {
			return ZoneOffset.UTC;
		}
		char sign = (rest == 6) ? text.charAt(i) : ' ';
		if ((sign != '+' && sign != '-') || text.charAt(i + 3) != ':') {
			return null;
		}
		int hours = digits(text, i + 1, 2);
		int minutes = digits(text, i + 4, 2);
		if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
			return null;
		}
		int seconds = hours * 3600 + minutes * 60;
		try {
			return ZoneOffset.ofTotalSeconds((sign == '-') ? -seconds : seconds);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** An instant as a JSON value: {@code null}, or quoted as {@link #instant} writes it. */
	static void json(StringBuilder out, Instant time) {
		if (time == null) {
			out.append("null");
			return;
		}
		out.append('"');
		instant(out, time);
		out.append('"');
	}

	/** An instant as {@link DateTimeFormatter#ISO_INSTANT} writes it: the fraction in groups of three digits. */
	static void instant(StringBuilder out, Instant time) {
		long seconds = time.getEpochSecond();
		if (seconds < 0 || seconds >= YEAR_10000) {
			out.append(DateTimeFormatter.ISO_INSTANT.format(time));
			return;
		}
		dateTime(out, LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
		int nanos = time.getNano();
		if (nanos != 0) {
			out.append('.');
			if (nanos % 1_000_000 == 0) {
				digits(out, nanos / 1_000_000, 3);
			}
			else if (nanos % 1_000 == 0) {
				digits(out, nanos / 1_000, 6);
			}
			else {
				digits(out, nanos, 9);
			}
		}
		out.append('Z');
	}

	/**
	 * A date-time as a JSON value: {@code null}, or quoted as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes
	 * it (no trailing zeros in the fraction).
	 */
	static void json(StringBuilder out, OffsetDateTime time) {
		if (time == null) {
			out.append("null");
			return;
		}
		int offset = time.getOffset().getTotalSeconds();
		if (offset % 60 != 0 || time.getYear() < 0 || time.getYear() > 9999) {
			out.append('"').append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)).append('"');
			return;
		}
		out.append('"');
		dateTime(out, time.toLocalDateTime());
		int nanos = time.getNano();
		if (nanos != 0) {
			int width = 9;
			while (nanos % 10 == 0) {
				nanos /= 10;
				width--;
			}
			out.append('.');
			digits(out, nanos, width);
		}
		if (offset == 0) {
			out.append('Z');
		}
		else {
			out.append((offset < 0) ? '-' : '+');
			digits(out, Math.abs(offset) / 3600, 2);
			out.append(':');
			digits(out, Math.abs(offset) / 60 % 60, 2);
		}
		out.append('"');
	}

	private static void dateTime(StringBuilder out, LocalDateTime time) {
		digits(out, time.getYear(), 4);
		out.append('-');
		digits(out, time.getMonthValue(), 2);
		out.append('-');
		digits(out, time.getDayOfMonth(), 2);
		out.append('T');
		digits(out, time.getHour(), 2);
		out.append(':');
		digits(out, time.getMinute(), 2);
		out.append(':');
		digits(out, time.getSecond(), 2);
	}

	/** {@code value} in {@code width} digits, zeros first. */
	private static void digits(StringBuilder out, int value, int width) {
		for (int scale = POWERS[width - 1]; scale > 0; scale /= 10) {
			out.append((char) ('0' + value / scale % 10));
		}
	}

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	/** The first second of the year 10000, after which ISO formats sign the year. */
	private static final long YEAR_10000 = 253_402_300_800L;

	/** The number written by {@code count} digits from {@code from}; -1 if any is not a digit. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static final class Fast<T> extends ValueDeserializer<T> {

		private final ValueDeserializer<T> standard;

		private final java.util.function.Function<OffsetDateTime, T> as;

		Fast(ValueDeserializer<T> standard, java.util.function.Function<OffsetDateTime, T> as) {
			this.standard = standard;
			this.as = as;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				OffsetDateTime time = parse(parser.getString());
				if (time != null) {
					return as.apply(time);
				}
			}
			return standard.deserialize(parser, context);
		}

	}

}
