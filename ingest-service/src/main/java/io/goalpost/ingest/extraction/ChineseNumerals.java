package io.goalpost.ingest.extraction;

import java.math.BigDecimal;

/** Reads numbers written in Chinese characters: 两, 十二, 三百五十, 两万八千, 四十七万, 七千亿. */
final class ChineseNumerals {

	private static final String DIGITS = "零一二三四五六七八九";

	private ChineseNumerals() {
	}

	/** @return the value, or null when the characters are not a number */
	static BigDecimal parse(String text) {
		long result = 0;
		long section = 0;
		long number = -1;
		for (char c : text.toCharArray()) {
			int digit = (c == '两') ? 2 : DIGITS.indexOf(c);
			if (digit >= 0) {
				if (number > 0) {
					return null;
				}
				number = digit;
				continue;
			}
			long value = Math.max(number, 0);
			switch (c) {
				case '十', '百', '千' -> section += ((number < 0) ? 1 : number) * (c == '十' ? 10 : c == '百' ? 100 : 1000);
				case '万' -> result += (section + value) * 10_000;
				case '亿' -> result = (result + section + value) * 100_000_000;
				default -> {
					return null;
				}
			}
			if (c == '万' || c == '亿') {
				section = 0;
			}
			number = -1;
		}
		long total = result + section + Math.max(number, 0);
		return (total > 0) ? BigDecimal.valueOf(total) : null;
	}

}
