package io.goalpost.contract;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * {@link FigureReported} written straight to JSON, byte for byte what Jackson writes of it, and read straight
 * back from it into what Jackson reads (FigureJsonTests holds them together). ingest-service writes one for
 * every figure it publishes, and through Jackson half of that time went to setting up a generator and its
 * buffers for a few hundred bytes; metrics-service reads one for every record it consumes, and Jackson's
 * databind was a fifth of its consumers' time.
 */
final class FigureJson {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/** Every field of a figure, and of its source, seen (a repeated one counts last, as in Jackson). */
	private static final int ALL_FIELDS = (1 << 12) - 1;

	private static final int ALL_SOURCE_FIELDS = (1 << 4) - 1;

	private static final Unsure UNSURE = new Unsure();

	/** Each enum's constants as their {@code @JsonProperty} spells them, looked up once per type. */
	private static final ClassValue<Spellings> NAMES = new ClassValue<>() {

		@Override
		protected Spellings computeValue(Class<?> type) {
			Object[] constants = type.getEnumConstants();
			String[] names = new String[constants.length];
			Map<String, Object> byName = new HashMap<>();
			for (Object constant : constants) {
				String name = ((Enum<?>) constant).name();
				try {
					JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
					names[((Enum<?>) constant).ordinal()] = (property != null) ? property.value() : name;
				}
				catch (NoSuchFieldException ex) {
					throw new IllegalStateException(ex);
				}
				byName.put(names[((Enum<?>) constant).ordinal()], constant);
			}
			return new Spellings(names, Map.copyOf(byName));
		}

	};

	private FigureJson() {
	}

	static byte[] write(FigureReported figure) {
		StringBuilder json = new StringBuilder(384);
		json.append("{\"eventId\":");
		string(json, (figure.eventId() != null) ? figure.eventId().toString() : null);
		json.append(",\"region\":");
		string(json, figure.region());
		json.append(",\"indicator\":");
		string(json, figure.indicator());
		json.append(",\"year\":").append(figure.year());
		json.append(",\"kind\":");
		string(json, (figure.kind() != null) ? name(figure.kind()) : null);
		json.append(",\"comparator\":");
		string(json, (figure.comparator() != null) ? name(figure.comparator()) : null);
		json.append(",\"value\":").append((figure.value() != null) ? figure.value().toString() : "null");
		json.append(",\"unit\":");
		string(json, figure.unit());
		json.append(",\"status\":");
		string(json, (figure.status() != null) ? name(figure.status()) : null);
		json.append(",\"source\":");
		Source source = figure.source();
		if (source == null) {
			json.append("null");
		}
		else {
			json.append("{\"title\":");
			string(json, source.title());
			json.append(",\"url\":");
			string(json, source.url());
			json.append(",\"publisher\":");
			string(json, source.publisher());
			json.append(",\"publishedAt\":");
			IsoTimestamps.json(json, source.publishedAt());
			json.append('}');
		}
		json.append(",\"sentence\":");
		string(json, figure.sentence());
		json.append(",\"reportedAt\":");
		IsoTimestamps.json(json, figure.reportedAt());
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A figure read from JSON when it is plainly one: one object with every field, each a JSON value of the
	 * type {@link #write} writes (or null), the enums by their names, the times in the layouts
	 * {@link IsoTimestamps#parse} reads, and nothing after it; straight from the bytes ({@link FigureBytes}) when they
	 * are laid out as {@link #write} lays them out. Null for anything else, not JSON at all included: then Jackson's
	 * databind accepts it or says why not, as it always has.
	 */
	static FigureReported read(byte[] json) {
		FigureReported figure = FigureBytes.read(json);
		return (figure != null) ? figure : parse(json);
	}

	/** {@link #read} over Jackson's parser, for JSON in any other layout. */
	static FigureReported parse(byte[] json) {
		try (JsonParser parser = EventCodec.MAPPER.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			FigureReported figure = figure(parser);
			return (parser.nextToken() == null) ? figure : null;
		}
		catch (JacksonException | Unsure ex) {
			return null;
		}
	}

	private static FigureReported figure(JsonParser parser) {
		UUID eventId = null;
		String region = null;
		String indicator = null;
		int year = 0;
		FigureKind kind = null;
		Comparator comparator = null;
		BigDecimal value = null;
		String unit = null;
		FigureStatus status = null;
		Source source = null;
		String sentence = null;
		Instant reportedAt = null;
		int seen = 0;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			int field;
			switch (name) {
				case "eventId" -> {
					field = 0;
					eventId = uuid(parser, token);
				}
				case "region" -> {
					field = 1;
					region = text(parser, token);
				}
				case "indicator" -> {
					field = 2;
					indicator = text(parser, token);
				}
				case "year" -> {
					field = 3;
					year = integer(parser, token);
				}
				case "kind" -> {
					field = 4;
					kind = constant(FigureKind.class, parser, token);
				}
				case "comparator" -> {
					field = 5;
					comparator = constant(Comparator.class, parser, token);
				}
				case "value" -> {
					field = 6;
					value = decimal(parser, token);
				}
				case "unit" -> {
					field = 7;
					unit = text(parser, token);
				}
				case "status" -> {
					field = 8;
					status = constant(FigureStatus.class, parser, token);
				}
				case "source" -> {
					field = 9;
					source = (token == JsonToken.START_OBJECT) ? source(parser) : nothing(token);
				}
				case "sentence" -> {
					field = 10;
					sentence = text(parser, token);
				}
				case "reportedAt" -> {
					field = 11;
					OffsetDateTime time = time(parser, token);
					reportedAt = (time != null) ? time.toInstant() : null;
				}
				default -> throw UNSURE;
			}
			seen |= 1 << field;
		}
		if (seen != ALL_FIELDS) {
			throw UNSURE;
		}
		return new FigureReported(eventId, region, indicator, year, kind, comparator, value, unit, status, source,
				sentence, reportedAt);
	}

	private static Source source(JsonParser parser) {
		String title = null;
		String url = null;
		String publisher = null;
		OffsetDateTime publishedAt = null;
		int seen = 0;
		for (String name = parser.nextName(); name != null; name = parser.nextName()) {
			JsonToken token = parser.nextToken();
			int field;
			switch (name) {
				case "title" -> {
					field = 0;
					title = text(parser, token);
				}
				case "url" -> {
					field = 1;
					url = text(parser, token);
				}
				case "publisher" -> {
					field = 2;
					publisher = text(parser, token);
				}
				case "publishedAt" -> {
					field = 3;
					publishedAt = time(parser, token);
				}
				default -> throw UNSURE;
			}
			seen |= 1 << field;
		}
		if (seen != ALL_SOURCE_FIELDS) {
			throw UNSURE;
		}
		return new Source(title, url, publisher, publishedAt);
	}

	private static String text(JsonParser parser, JsonToken token) {
		return (token == JsonToken.VALUE_STRING) ? parser.getString() : nothing(token);
	}

	private static int integer(JsonParser parser, JsonToken token) {
		if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
			throw UNSURE;
		}
		return parser.getIntValue();
	}

	private static BigDecimal decimal(JsonParser parser, JsonToken token) {
		return (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) ? parser.getDecimalValue()
				: nothing(token);
	}

	private static <E extends Enum<E>> E constant(Class<E> type, JsonParser parser, JsonToken token) {
		String text = text(parser, token);
		if (text == null) {
			return null;
		}
		E constant = constant(type, text);
		if (constant == null) {
			throw UNSURE;
		}
		return constant;
	}

	/** The enum constant that JSON spells so, or null for none. */
	static <E extends Enum<E>> E constant(Class<E> type, String spelling) {
		return type.cast(NAMES.get(type).constants().get(spelling));
	}

	/** Only the canonical layout, 8-4-4-4-12 hex digits: Jackson reads others (base64, for one) its own way. */
	private static UUID uuid(JsonParser parser, JsonToken token) {
		String text = text(parser, token);
		if (text == null) {
			return null;
		}
		if (text.length() != 36) {
			throw UNSURE;
		}
		for (int i = 0; i < 36; i++) {
			char c = text.charAt(i);
			boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
			boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			if (dash ? c != '-' : !hex) {
				throw UNSURE;
			}
		}
		return UUID.fromString(text);
	}

	private static OffsetDateTime time(JsonParser parser, JsonToken token) {
		String text = text(parser, token);
		if (text == null) {
			return null;
		}
		OffsetDateTime time = IsoTimestamps.parse(text);
		if (time == null) {
			throw UNSURE;
		}
		return time;
	}

	/** A JSON null as null; any other value is not what {@link #write} writes there. */
	private static <T> T nothing(JsonToken token) {
		if (token != JsonToken.VALUE_NULL) {
			throw UNSURE;
		}
		return null;
	}

	/** An enum's constants as spelt in JSON: by ordinal for writing, by spelling for reading. */
	private record Spellings(String[] byOrdinal, Map<String, Object> constants) {
	}

	/** Thrown, without a stack, where the JSON is anything but plainly a figure. */
	private static final class Unsure extends RuntimeException {

		Unsure() {
			super(null, null, false, false);
		}

	}

	/** A JSON string as Jackson escapes it: quote, backslash and control characters; everything else as it is. */
	private static void string(StringBuilder json, String text) {
		if (text == null) {
			json.append("null");
			return;
		}
		json.append('"');
		int from = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c != '"' && c != '\\') {
				continue;
			}
			json.append(text, from, i);
			from = i + 1;
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		json.append(text, from, text.length()).append('"');
	}

	/** An enum constant as its {@code @JsonProperty} spells it. */
	private static String name(Enum<?> constant) {
		return NAMES.get(constant.getDeclaringClass()).byOrdinal()[constant.ordinal()];
	}

}
