package io.goalpost.metrics.alerts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import io.goalpost.contract.AlertChanged.Projection;
import io.goalpost.contract.AlertChanged.Summary;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Unit;
import io.goalpost.metrics.series.Figure;

import org.springframework.stereotype.Component;

/**
 * What an alert says to a person, in Simplified Chinese and English, from its kind, state and figures:
 * "重庆：2022年高新技术企业 5,108 家，未达到突破 5,500 家的目标，差 392 家".
 */
@Component
class AlertSummaries {

	// A format is not thread-safe, and building one parses its pattern: one per thread, kept.
	private static final ThreadLocal<DecimalFormat> NUMBER = ThreadLocal
		.withInitial(() -> new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)));

	private final IndicatorCatalogue catalogue;

	private final AlertProperties properties;

	AlertSummaries(IndicatorCatalogue catalogue, AlertProperties properties) {
		this.catalogue = catalogue;
		this.properties = properties;
	}

	Summary of(AlertKind kind, AlertState state, String region, String indicator, int year, String comparator,
			BigDecimal target, BigDecimal actual, BigDecimal shortfall, String unitId, Projection projection) {
		Unit unit = Unit.of(unitId);
		String regionZh = catalogue.region(region).map((r) -> r.names().getOrDefault("zh-Hans", region)).orElse(region);
		String regionEn = catalogue.region(region).map((r) -> r.names().getOrDefault("en", region)).orElse(region);
		String nameZh = catalogue.indicator(indicator).map((i) -> i.name("zh-Hans")).orElse(indicator);
		String nameEn = catalogue.indicator(indicator).map((i) -> i.name("en")).orElse(indicator);
		Comparator cmp = (comparator != null) ? Figure.parse(Comparator.class, comparator) : Comparator.EQ;
		String goalZh = goalZh(cmp, zh(target, unit));
		String goalEn = goalEn(cmp, en(target, unit));
		String zh = regionZh + "：" + year + "年" + nameZh;
		String en = regionEn + ": " + nameEn + " in " + year;
		boolean firing = state == AlertState.FIRING;
		return switch (kind) {
			case TARGET_MISSED -> firing
					? new Summary(zh + " " + zh(actual, unit) + "，未达到" + goalZh + "的目标，差 " + zh(shortfall, unit),
							en + ": " + en(actual, unit) + ", short of the target of " + goalEn + " by " + en(shortfall, unit))
					: new Summary(zh + " " + zh(actual, unit) + "，已达到" + goalZh + "的目标",
							en + ": " + en(actual, unit) + ", meets the target of " + goalEn);
			case TARGET_AT_RISK -> firing
					? new Summary(zh + "尚无实际值，按 " + projection.fromYear() + "—" + projection.toYear() + " 年实际值的线性趋势预计为 "
							+ zh(projection.value(), unit) + "，未达到" + goalZh + "的目标，差 " + zh(shortfall, unit),
							en + ": no actual yet; the linear trend of the " + projection.fromYear() + "–" + projection.toYear()
									+ " actuals projects " + en(projection.value(), unit) + ", short of the target of " + goalEn
									+ " by " + en(shortfall, unit))
					: new Summary(zh + "不再预计未达到" + goalZh + "的目标",
							en + " is no longer projected to miss the target of " + goalEn);
			case ACTUAL_OVERDUE -> firing
					? new Summary(zh + "的目标为" + goalZh + "，年度结束已超过 " + properties.actualOverdueMonths() + " 个月，仍未公布实际值",
							en + ": the year ended more than " + properties.actualOverdueMonths()
									+ " months ago and no actual has been reported against the target of " + goalEn)
					: new Summary(zh + "已公布实际值" + ((actual != null) ? " " + zh(actual, unit) : ""),
							en + ": an actual has been reported" + ((actual != null) ? ", " + en(actual, unit) : ""));
		};
	}

	private static String goalZh(Comparator comparator, String value) {
		return switch (comparator) {
			case GT -> "突破 " + value;
			case GTE -> "不低于 " + value;
			case EQ -> " " + value;
			case APPROX -> " " + value + "左右";
			case LT -> "低于 " + value;
			case LTE -> "不高于 " + value;
		};
	}

	private static String goalEn(Comparator comparator, String value) {
		return switch (comparator) {
			case GT -> "more than " + value;
			case GTE -> "at least " + value;
			case EQ -> value;
			case APPROX -> "about " + value;
			case LT -> "below " + value;
			case LTE -> "at most " + value;
		};
	}

	private static String zh(BigDecimal value, Unit unit) {
		return number(value) + unit.suffixZh();
	}

	private static String en(BigDecimal value, Unit unit) {
		return number(value) + unit.suffixEn();
	}

	private static String number(BigDecimal value) {
		return (value != null) ? NUMBER.get().format(value) : "?";
	}

}
