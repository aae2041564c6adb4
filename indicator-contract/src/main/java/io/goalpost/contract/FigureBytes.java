package io.goalpost.contract;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import tools.jackson.core.StreamReadConstraints;

/**
 * Reads a figure straight from its bytes when they are laid out exactly as {@link FigureJson#write} lays them
 * out, as every figure that ingest-service publishes is: the fields in their order, no white space, strings
 * without escapes, plain numbers. Jackson's parser spent about half of a consumer's reading on finding names
 * and copying text that this layout makes known in advance. Anything else, valid JSON or not, gets null, and
 * goes to {@link FigureJson}'s reader, which reads or refuses it as Jackson does.
 */
final class FigureBytes {

	private static final byte[] EVENT_ID = ascii("{\"eventId\":");

	private static final byte[] REGION = ascii(",\"region\":");

	private static final byte[] INDICATOR = ascii(",\"indicator\":");

	private static final byte[] YEAR = ascii(",\"year\":");

	private static final byte[] KIND = ascii(",\"kind\":");

	private static final byte[] COMPARATOR = ascii(",\"comparator\":");

	private static final byte[] VALUE = ascii(",\"value\":");

	private static final byte[] UNIT = ascii(",\"unit\":");

	private static final byte[] STATUS = ascii(",\"status\":");

	private static final byte[] SOURCE = ascii(",\"source\":");

	private static final byte[] TITLE = ascii("{\"title\":");

	private static final byte[] URL = ascii(",\"url\":");

	private static final byte[] PUBLISHER = ascii(",\"publisher\":");

	private static final byte[] PUBLISHED_AT = ascii(",\"publishedAt\":");

	private static final byte[] SENTENCE = ascii(",\"sentence\":");

	private static final byte[] REPORTED_AT = ascii(",\"reportedAt\":");

	private static final byte[] NULL = ascii("null");

	private final byte[] json;

	private int at;

	private FigureBytes(byte[] json) {
		this.json = json;
	}

	/** @return the figure, or null where the bytes are anything but the layout written */
	static FigureReported read(byte[] json) {
		try {
			return new FigureBytes(json).figure();
		}
		catch (NotTheLayout | ArrayIndexOutOfBoundsException ex) {
			return null;
		}
	}

	private FigureReported figure() {
		expect(EVENT_ID);
		UUID eventId = uuid();
		expect(REGION);
		String region = text();
		expect(INDICATOR);
		String indicator = text();
		expect(YEAR);
		int year = year();
		expect(KIND);
		FigureKind kind = constant(FigureKind.class);
		expect(COMPARATOR);
		Comparator comparator = constant(Comparator.class);
		expect(VALUE);
		BigDecimal value = decimal();
		expect(UNIT);
		String unit = text();
		expect(STATUS);
		FigureStatus status = constant(FigureStatus.class);
		expect(SOURCE);
		Source source = source();
		expect(SENTENCE);
		String sentence = text();
		expect(REPORTED_AT);
		OffsetDateTime reportedAt = time();
		if (json[at++] != '}' || at != json.length) {
			throw NotTheLayout.INSTANCE;
		}
		return new FigureReported(eventId, region, indicator, year, kind, comparator, value, unit, status, source,
				sentence, (reportedAt != null) ? reportedAt.toInstant() : null);
	}

	private Source source() {
		if (isNull()) {
			return null;
		}
		expect(TITLE);
		String title = text();
		expect(URL);
		String url = text();
		expect(PUBLISHER);
		String publisher = text();
		expect(PUBLISHED_AT);
		OffsetDateTime publishedAt = time();
		if (json[at++] != '}') {
			throw NotTheLayout.INSTANCE;
		}
		return new Source(title, url, publisher, publishedAt);
	}

	private void expect(byte[] literal) {
		if (!Arrays.equals(json, at, at + literal.length, literal, 0, literal.length)) {
			throw NotTheLayout.INSTANCE;
		}
		at += literal.length;
	}

	private boolean isNull() {
		if (json[at] != 'n') {
			return false;
		}
		expect(NULL);
		return true;
	}

	/**
	 * A string without escapes or control characters. Any other UTF-8 decodes to itself; where the decoder had to
	 * replace a malformed sequence, Jackson decides (it refuses it).
	 */
	private String text() {
		if (isNull()) {
			return null;
		}
		if (json[at] != '"') {
			throw NotTheLayout.INSTANCE;
		}
		int from = ++at;
		boolean ascii = true;
		for (byte b = json[at]; b != '"'; b = json[++at]) {
			if (b == '\\' || (b >= 0 && b < 0x20)) {
				throw NotTheLayout.INSTANCE;
			}
			ascii &= b >= 0;
		}
		int to = at++;
		if (ascii) {
			return new String(json, from, to - from, StandardCharsets.ISO_8859_1);
		}
		String text = new String(json, from, to - from, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') >= 0) {
			throw NotTheLayout.INSTANCE;
		}
		return text;
	}

	/** Up to nine digits, without a leading zero, or zero: within an int. */
	private int year() {
		boolean negative = json[at] == '-';
		if (negative) {
			at++;
		}
		int from = at;
		int year = 0;
		while (json[at] >= '0' && json[at] <= '9') {
			year = year * 10 + (json[at++] - '0');
		}
		int digits = at - from;
		if (digits == 0 || digits > 9 || (json[from] == '0' && digits > 1)) {
			throw NotTheLayout.INSTANCE;
		}
		return negative ? -year : year;
	}

	/** A plain decimal, {@code -12.50}; one with an exponent is not followed by the next field's name. */
	private BigDecimal decimal() {
		if (isNull()) {
			return null;
		}
		int from = at;
		if (json[at] == '-') {
			at++;
		}
		int digits = digits();
		if (digits == 0 || (digits > 1 && json[at - digits] == '0')) {
			throw NotTheLayout.INSTANCE;
		}
		if (json[at] == '.') {
			at++;
			if (digits() == 0) {
				throw NotTheLayout.INSTANCE;
			}
		}
		// As long as Jackson reads a number, no longer: a million digits would take the parse seconds.
		if (at - from > StreamReadConstraints.DEFAULT_MAX_NUM_LEN) {
			throw NotTheLayout.INSTANCE;
		}
		return new BigDecimal(new String(json, from, at - from, StandardCharsets.ISO_8859_1));
	}

	private int digits() {
		int from = at;
		while (json[at] >= '0' && json[at] <= '9') {
			at++;
		}
		return at - from;
	}

	private <E extends Enum<E>> E constant(Class<E> type) {
		String text = text();
		if (text == null) {
			return null;
		}
		E constant = FigureJson.constant(type, text);
		if (constant == null) {
			throw NotTheLayout.INSTANCE;
		}
		return constant;
	}

	/** The canonical layout, 8-4-4-4-12 hex digits of either case. */
	private UUID uuid() {
		if (isNull()) {
			return null;
		}
		if (json[at] != '"' || json[at + 37] != '"') {
			throw NotTheLayout.INSTANCE;
		}
		at++;
		long most = hex(8) << 32 | afterDash(4) << 16 | afterDash(4);
		long least = afterDash(4) << 48 | afterDash(12);
		at++;
		return new UUID(most, least);
	}

	private long afterDash(int digits) {
		if (json[at++] != '-') {
			throw NotTheLayout.INSTANCE;
		}
		return hex(digits);
	}

	private long hex(int digits) {
		long value = 0;
		for (int i = 0; i < digits; i++) {
			int b = json[at++];
			int digit = (b >= '0' && b <= '9') ? b - '0' : (b >= 'a' && b <= 'f') ? b - 'a' + 10
					: (b >= 'A' && b <= 'F') ? b - 'A' + 10 : -1;
			if (digit < 0) {
				throw NotTheLayout.INSTANCE;
			}
			value = value << 4 | digit;
		}
		return value;
	}

	private OffsetDateTime time() {
		String text = text();
		if (text == null) {
			return null;
		}
		OffsetDateTime time = IsoTimestamps.parse(text);
		if (time == null) {
			throw NotTheLayout.INSTANCE;
		}
		return time;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** Thrown, without a stack, at the first byte that is not where the layout has it. */
	private static final class NotTheLayout extends RuntimeException {

		static final NotTheLayout INSTANCE = new NotTheLayout();

		private NotTheLayout() {
			super(null, null, false, false);
		}

	}

}
