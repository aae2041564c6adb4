package io.goalpost.metrics.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import io.goalpost.contract.AlertChanged.Projection;

/**
 * Projects a year's value from the actuals of the years before it: the least-squares line through the most
 * recent {@value #MAX_POINTS} of them, evaluated at the year. Needs two actuals at least; fewer give no
 * projection, since one point has no trend.
 */
public final class TrendProjection {

	public static final String METHOD = "linear-trend";

	static final int MAX_POINTS = 5;

	private static final MathContext MATH = MathContext.DECIMAL64;

	private TrendProjection() {
	}

	public static Optional<Projection> project(NavigableMap<Integer, BigDecimal> actualsByYear, int year) {
		List<Map.Entry<Integer, BigDecimal>> points = new ArrayList<>(MAX_POINTS);
		for (Map.Entry<Integer, BigDecimal> point : actualsByYear.headMap(year, false).descendingMap().entrySet()) {
			if (points.size() == MAX_POINTS) {
				break;
			}
			points.addFirst(point);
		}
		if (points.size() < 2) {
			return Optional.empty();
		}
		BigDecimal n = BigDecimal.valueOf(points.size());
		BigDecimal meanX = points.stream().map((p) -> BigDecimal.valueOf(p.getKey())).reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, MATH);
		BigDecimal meanY = points.stream().map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, MATH);
		BigDecimal covariance = BigDecimal.ZERO;
		BigDecimal variance = BigDecimal.ZERO;
		for (Map.Entry<Integer, BigDecimal> point : points) {
			BigDecimal dx = BigDecimal.valueOf(point.getKey()).subtract(meanX);
			covariance = covariance.add(dx.multiply(point.getValue().subtract(meanY)));
			variance = variance.add(dx.multiply(dx));
		}
		BigDecimal slope = covariance.divide(variance, MATH);
		BigDecimal value = meanY.add(slope.multiply(BigDecimal.valueOf(year).subtract(meanX)));
		return Optional.of(new Projection(METHOD, points.getFirst().getKey(), points.getLast().getKey(), points.size(),
				round(slope), round(value)));
	}

	/** Four decimals: more than any published figure carries, few enough to read. */
	private static BigDecimal round(BigDecimal value) {
		BigDecimal rounded = value.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
		return (rounded.scale() < 0) ? rounded.setScale(0) : rounded;
	}

}
