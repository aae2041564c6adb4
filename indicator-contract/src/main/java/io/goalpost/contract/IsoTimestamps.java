package io.goalpost.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
 * which accepts or refuses it as before.
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
