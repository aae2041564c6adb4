package io.goalpost.ingest.extraction;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Rewrites text into one script and one width, character for character, so that every offset into the
 * result is an offset into the input: Traditional to Simplified (OpenCC's dictionary, read once into a
 * table), full-width ASCII to half-width, and the digits of a year written in Chinese (二〇二五年) to
 * Arabic ones.
 */
final class ScriptNormalizer {

	private static final char[] SIMPLIFIED = table();

	private ScriptNormalizer() {
	}

	static String normalize(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (c >= '\uFF01' && c <= '\uFF5E') {
				chars[i] = (char) (c - 0xFEE0);
			}
			else if (c == '\u3000' || c == '\u00A0') {
				chars[i] = ' ';
			}
			else if (c >= '\u3400' && c <= '\u9FFF') {
				chars[i] = SIMPLIFIED[c];
			}
		}
		yearsInChineseDigits(chars);
		return new String(chars);
	}

	/** 二〇二五年 → 2025年: four Chinese digits before 年 are a year, one digit each. */
	private static void yearsInChineseDigits(char[] chars) {
		for (int i = 4; i < chars.length; i++) {
			if (chars[i] == '年' && isYearDigit(chars[i - 4]) && isYearDigit(chars[i - 3]) && isYearDigit(chars[i - 2])
					&& isYearDigit(chars[i - 1])) {
				for (int j = i - 4; j < i; j++) {
					chars[j] = (char) ('0' + "〇一二三四五六七八九".indexOf(chars[j] == '零' ? '〇' : chars[j]));
				}
			}
		}
	}

	private static boolean isYearDigit(char c) {
		return "〇零一二三四五六七八九".indexOf(c) >= 0;
	}

	private static char[] table() {
		char[] table = new char[0x10000];
		for (int c = 0; c < table.length; c++) {
			table[c] = (char) c;
		}
		StringBuilder han = new StringBuilder(0xA000 - 0x3400);
		for (char c = '\u3400'; c <= '\u9FFF'; c++) {
			han.append(c);
		}
		String simplified = ZhConverterUtil.toSimple(han.toString());
		if (simplified.length() == han.length()) {
			for (int i = 0; i < han.length(); i++) {
				table[han.charAt(i)] = simplified.charAt(i);
			}
		}
		else {
			// Phrase rules changed the length: fall back to converting each character alone.
			for (int i = 0; i < han.length(); i++) {
				String one = ZhConverterUtil.toSimple(String.valueOf(han.charAt(i)));
				if (one.length() == 1) {
					table[han.charAt(i)] = one.charAt(0);
				}
			}
		}
		return table;
	}

}
