package io.goalpost.contract;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@link FigureReported} written straight to JSON, byte for byte what Jackson writes of it (FigureJsonTests
 * holds the two together). ingest-service writes one for every figure it publishes, and through Jackson half
 * of that time went to setting up a generator and its buffers for a few hundred bytes.
 */
final class FigureJson {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/** Each enum's constants as their {@code @JsonProperty} spells them, by ordinal, looked up once per type. */
	private static final ClassValue<String[]> NAMES = new ClassValue<>() {

		@Override
		protected String[] computeValue(Class<?> type) {
			Object[] constants = type.getEnumConstants();
			String[] names = new String[constants.length];
			for (Object constant : constants) {
				String name = ((Enum<?>) constant).name();
				try {
					JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
					names[((Enum<?>) constant).ordinal()] = (property != null) ? property.value() : name;
				}
				catch (NoSuchFieldException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return names;
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
		return NAMES.get(constant.getDeclaringClass())[constant.ordinal()];
	}

}
