package io.goalpost.ingest.extraction;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.Unit;

/**
 * A number with its magnitude and unit as printed ({@code 3.69万家}, {@code 2.78万亿元}, {@code 28万人},
 * {@code 2.3%左右}), read into the catalogue's canonical units.
 *
 * @param start where the number begins in the compact text
 * @param end where the quantity, with any suffix such as 左右, ends
 * @param suffix the comparator a suffix states (左右, 以上, 以内), or null
 */
record Quantity(int start, int end, BigDecimal amount, UnitKind unit, Comparator suffix) {

	// A number in Chinese numerals starts where their run starts (the look-behind): tried from every numeral of a
	// long run, the search took time quadratic in the run, 23 s for 20,000 numerals on one line.
	private static final Pattern QUANTITY = Pattern.compile(
			"(?<![\\d.])(\\d+(?:\\.\\d+)?|(?<![零一二两三四五六七八九十百千万亿])[零一二两三四五六七八九十百千万亿]*[零一二两三四五六七八九十百千])(余|多)?(万亿|亿|万|千)?(余|多)?(元|家|个|人|名|件|项|所|户|%)(左右|以上|以内|以下|之上)?");

	private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");

	/** How a printed unit reads. */
	enum UnitKind {

		COUNT, PERSONS, PERCENT, MONEY, PIECES;

		/** Whether a quantity in this unit can be a value of an indicator in that unit. */
		boolean fits(Unit unit) {
			return switch (unit) {
				case COUNT -> this == COUNT;
				case PERSONS -> this == PERSONS;
				case PERCENT -> this == PERCENT;
				case CNY_100M -> this == MONEY;
				case PER_10K_PEOPLE -> this == PIECES;
			};
		}

	}

	static Matcher matcher(CharSequence text) {
		return QUANTITY.matcher(text);
	}

	/** The quantity the matcher has just found, or null when its number cannot be read. */
	static Quantity of(Matcher m) {
		BigDecimal number = number(m.group(1));
		if (number == null) {
			return null;
		}
		BigDecimal scale = switch (String.valueOf(m.group(3))) {
			case "万亿" -> new BigDecimal("1000000000000");
			case "亿" -> HUNDRED_MILLION;
			case "万" -> new BigDecimal("10000");
			case "千" -> new BigDecimal("1000");
			default -> BigDecimal.ONE;
		};
		BigDecimal amount = number.multiply(scale);
		UnitKind unit = switch (m.group(5)) {
			case "%" -> UnitKind.PERCENT;
			case "元" -> UnitKind.MONEY;
			case "人", "名" -> UnitKind.PERSONS;
			case "件" -> UnitKind.PIECES;
			default -> UnitKind.COUNT;
		};
		if (unit == UnitKind.MONEY) {
			amount = amount.divide(HUNDRED_MILLION);
		}
		boolean more = m.group(2) != null || m.group(4) != null;
		Comparator suffix = more ? Comparator.GT : switch (String.valueOf(m.group(6))) {
			case "左右" -> Comparator.APPROX;
			case "以上", "之上" -> Comparator.GTE;
			case "以内", "以下" -> Comparator.LTE;
			default -> null;
		};
		return new Quantity(m.start(), m.end(), plain(amount), unit, suffix);
	}

	/** Without trailing zeros and never in exponent form: 27800, not 2.78E+4. */
	static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private static BigDecimal number(String text) {
		if (Character.isDigit(text.charAt(0))) {
			return new BigDecimal(text);
		}
		return ChineseNumerals.parse(text);
	}

}
