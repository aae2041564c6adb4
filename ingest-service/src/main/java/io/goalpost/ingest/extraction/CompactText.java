package io.goalpost.ingest.extraction;

/**
 * A view of normalized text without what separates words of one term in print: quotation marks, spaces,
 * and short asides in brackets ({@code 西部(重庆)科学城}, {@code 经费(R&D经费)投入}). Each character
 * remembers where it stood, so findings map back to offsets in the input.
 */
final class CompactText {

	private static final int LONGEST_ASIDE = 12;

	private final String text;

	private final int[] origin;

	private CompactText(String text, int[] origin) {
		this.text = text;
		this.origin = origin;
	}

	static CompactText of(String normalized, int from, int to) {
		StringBuilder out = new StringBuilder(to - from);
		int[] origin = new int[to - from + 1];
		int i = from;
		while (i < to) {
			char c = normalized.charAt(i);
			if (c == '(') {
				int close = normalized.indexOf(')', i);
				if (close > i && close < to && close - i <= LONGEST_ASIDE && !hasDigit(normalized, i, close)) {
					i = close + 1;
					continue;
				}
			}
			if ("“”‘’\"'「」『』《》 \t\r".indexOf(c) < 0) {
				origin[out.length()] = i;
				out.append(c);
			}
			i++;
		}
		origin[out.length()] = to;
		return new CompactText(out.toString(), origin);
	}

	private static boolean hasDigit(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (Character.isDigit(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	String text() {
		return text;
	}

	/** Where the character at {@code index} of this view stood in the normalized text. */
	int origin(int index) {
		return origin[index];
	}

	/** The normalized offset just after the character before {@code end}: the end of a span. */
	int originEnd(int end) {
		return (end == 0) ? origin[0] : origin[end - 1] + 1;
	}

}
