package io.goalpost.metrics.series;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Source;
import io.goalpost.metrics.alerts.AlertKeeper;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.evaluation.TargetEvaluator;
import io.goalpost.metrics.evaluation.Verdict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of received figures in one database transaction: stores each new figure once, and walks
 * them in order, so every series moves through the same states, and raises and resolves the same alerts,
 * as if its figures had come one at a time. A crash anywhere leaves all of the batch or none of it.
 * <p>
 * A series' current target (and actual) is the figure of the most recent publication; within one
 * publication the more settled status (final over preliminary over estimate), then the later report, then
 * the event id. That order does not depend on arrival, so late or repeated deliveries cannot roll a series
 * back.
 */
@Service
public class SeriesUpdater {

	static final java.util.Comparator<Figure> CURRENCY = java.util.Comparator
		.comparing((Figure f) -> micros((f.source() != null && f.source().publishedAt() != null)
				? f.source().publishedAt().toInstant() : f.reportedAt()))
		.thenComparingInt((Figure f) -> statusRank(f.status()))
		.thenComparing((Figure f) -> micros(f.reportedAt()))
		.thenComparing((Figure f) -> f.eventId().toString());

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

	/** @return how many of the figures were new; figures received before change nothing */
	@Transactional
	public int applyAll(List<Received> batch) {
		Set<java.util.UUID> seen = new HashSet<>();
		List<Received> distinct = batch.stream().filter((r) -> seen.add(r.figure().eventId())).toList();
		Set<java.util.UUID> fresh = series.insertFigures(distinct);
		List<FigureReported> applied = distinct.stream()
			.map(Received::figure)
			.filter((figure) -> fresh.contains(figure.eventId()))
			.toList();
		if (applied.isEmpty()) {
			return 0;
		}
		Map<SeriesKey, String> units = new LinkedHashMap<>();
		applied.forEach((figure) -> units.putIfAbsent(key(figure), figure.unit()));
		Map<SeriesKey, SeriesState> states = series.lockAll(units);
		AlertKeeper.Book book = alerts.open(units.keySet());
		Map<SeriesKey, SeriesState> changed = new LinkedHashMap<>();
		for (FigureReported figure : applied) {
			SeriesKey key = key(figure);
			SeriesState state = states.get(key);
			Figure candidate = asFigure(figure);
			boolean target = figure.kind() == FigureKind.TARGET;
			Figure current = target ? state.target() : state.actual();
			if (current != null && CURRENCY.compare(candidate, current) <= 0) {
				continue;
			}
			Figure newTarget = target ? candidate : state.target();
			Figure newActual = target ? state.actual() : candidate;
			Indicator indicator = catalogue.indicator(key.indicator())
				.orElseThrow(() -> new IllegalArgumentException("Unknown indicator " + key.indicator()));
			Verdict verdict = evaluator.evaluate((newTarget != null) ? target(newTarget) : null,
					(newActual != null) ? newActual.value() : null, indicator.better());
			state = new SeriesState(state.region(), state.indicator(), state.year(), state.unit(), newTarget, newActual,
					verdict.name(), verdict.shortfall(), state.updatedAt());
			states.put(key, state);
			changed.put(key, state);
			if (newTarget != null) {
				book.onVerdict(key, target(newTarget), newActual, figure.unit(), verdict);
			}
		}
		series.updateAll(changed.values());
		book.flush();
		return applied.size();
	}

	private static SeriesKey key(FigureReported figure) {
		return new SeriesKey(figure.region(), figure.indicator(), figure.year());
	}

	private static Figure asFigure(FigureReported f) {
		Source source = Source.orUnknown(f.source());
		return new Figure(f.eventId(), Figure.stored(f.kind()), Figure.stored(f.comparator()), f.value(), f.unit(),
				Figure.stored(f.status()),
				new Figure.Provenance(source.title(), source.url(), source.publisher(), source.publishedAt()),
				f.sentence(), f.reportedAt(), null);
	}

	private static Target target(Figure figure) {
		return new Target(Comparator.valueOf(figure.comparator().toUpperCase(Locale.ROOT)), figure.value());
	}

	private static int statusRank(String status) {
		return switch (String.valueOf(status)) {
			case "estimate" -> 1;
			case "preliminary" -> 2;
			default -> 3;
		};
	}

	/** PostgreSQL keeps microseconds: compare at that precision, so a stored figure and a new one agree. */
	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}


}
