package io.goalpost.ingest.extraction;

import java.math.BigDecimal;

/** Reads numbers written in Chinese characters below ten thousand (两, 十二, 三百五十); the magnitude word is read apart. */
final class ChineseNumerals {

	private static final String DIGITS = "零一二三四五六七八九";

	private ChineseNumerals() {
	}

	/** @return the value, or null when the characters are not a number */
	static BigDecimal parse(String text) {
		long total = 0;
		long digit = -1;
		for (char c : text.toCharArray()) {
			int d = (c == '两') ? 2 : DIGITS.indexOf(c);
			if (d >= 0) {
				if (digit > 0) {
					return null;
				}
				digit = d;
				continue;
			}
			int unit = switch (c) {
				case '十' -> 10;
				case '百' -> 100;
				case '千' -> 1000;
				default -> -1;
			};
			if (unit < 0) {
				return null;
			}
			total += ((digit < 0) ? 1 : digit) * unit;
			digit = -1;
		}
		if (digit > 0) {
			total += digit;
		}
		return (total > 0) ? BigDecimal.valueOf(total) : null;
	}

}
