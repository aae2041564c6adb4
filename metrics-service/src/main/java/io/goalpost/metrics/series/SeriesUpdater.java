package io.goalpost.metrics.series;

import java.util.Optional;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.metrics.alerts.AlertKeeper;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.evaluation.TargetEvaluator;
import io.goalpost.metrics.evaluation.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one received figure: stores it once, recomputes the series' current target and actual, and
 * re-evaluates the series when either changed. All in one database transaction, with the alert change it
 * causes, so a crash anywhere leaves either all of it or none of it.
 */
@Service
public class SeriesUpdater {

	private static final Logger log = LoggerFactory.getLogger(SeriesUpdater.class);

	private final SeriesRepository series;

	private final TargetEvaluator evaluator;

	private final AlertKeeper alerts;

	private final IndicatorCatalogue catalogue;

	SeriesUpdater(SeriesRepository series, TargetEvaluator evaluator, AlertKeeper alerts, IndicatorCatalogue catalogue) {
		this.series = series;
		this.evaluator = evaluator;
		this.alerts = alerts;
		this.catalogue = catalogue;
	}

	/** @return whether the figure was new; a figure received before changes nothing */
	@Transactional
	public boolean apply(FigureReported figure, int partition, long offset) {
		Indicator indicator = catalogue.indicator(figure.indicator())
			.orElseThrow(() -> new IllegalArgumentException("Unknown indicator " + figure.indicator()));
		SeriesKey key = new SeriesKey(figure.region(), figure.indicator(), figure.year());
		series.lock(key, figure.unit());
		if (!series.insertFigure(figure, partition, offset)) {
			log.debug("Event {} was received before; ignored", figure.eventId());
			return false;
		}
		Optional<Figure> target = series.currentFigure(key, "target");
		Optional<Figure> actual = series.currentFigure(key, "actual");
		Verdict verdict = evaluator.evaluate(target.map(SeriesUpdater::target).orElse(null),
				actual.map(Figure::value).orElse(null), indicator.better());
		series.update(key, target.map(Figure::eventId).orElse(null), actual.map(Figure::eventId).orElse(null),
				verdict.name(), verdict.shortfall());
		target.ifPresent((t) -> alerts.onVerdict(key, target(t), actual.orElse(null), figure.unit(), verdict));
		return true;
	}

	private static Target target(Figure figure) {
		return new Target(Comparator.valueOf(figure.comparator().toUpperCase(java.util.Locale.ROOT)), figure.value());
	}

}
