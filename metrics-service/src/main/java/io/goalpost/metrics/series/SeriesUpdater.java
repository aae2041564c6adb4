package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import io.goalpost.contract.AlertKind;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Source;
import io.goalpost.metrics.alerts.AlertCondition;
import io.goalpost.metrics.alerts.AlertKeeper;
import io.goalpost.metrics.alerts.AlertRules;
import io.goalpost.metrics.evaluation.Target;
import io.goalpost.metrics.evaluation.TargetEvaluator;
import io.goalpost.metrics.evaluation.Verdict;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of received figures in one database transaction: stores each new figure once, and walks
 * them in order, so every series moves through the same states, and raises and resolves the same alerts,
 * as if its figures had come one at a time. A new actual also moves the trend that later years of the same
 * region and indicator are projected by, so those years' at-risk alerts are reviewed with it. A crash anywhere leaves all of the batch or none of it.
 * <p>
 * A series' current target (and actual) is the figure of the most recent publication; within one
 * publication the more settled status (final over preliminary over estimate), then the later report, then
 * the event id. That order does not depend on arrival, so late or repeated deliveries cannot roll a series
 * back.
 */
@Service
public class SeriesUpdater {

	static final java.util.Comparator<Figure> CURRENCY = java.util.Comparator
		.comparing((Figure f) -> micros(f.publication()))
		.thenComparingInt((Figure f) -> statusRank(f.status()))
		.thenComparing((Figure f) -> micros(f.reportedAt()))
		.thenComparing((Figure f) -> f.eventId().toString());

	private final SeriesRepository series;

	private final TargetEvaluator evaluator;

	private final AlertKeeper alerts;

	private final AlertRules rules;

	private final IndicatorCatalogue catalogue;

	SeriesUpdater(SeriesRepository series, TargetEvaluator evaluator, AlertKeeper alerts, AlertRules rules,
			IndicatorCatalogue catalogue) {
		this.series = series;
		this.evaluator = evaluator;
		this.alerts = alerts;
		this.rules = rules;
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
		// A new actual moves the trend of every later year still awaiting its own: those series are reviewed too.
		Map<RegionIndicator, SeriesKey> earliestActual = new HashMap<>();
		applied.stream().filter((f) -> f.kind() == FigureKind.ACTUAL).map(SeriesUpdater::key)
			.forEach((key) -> earliestActual.merge(key.pair(), key, (a, b) -> (a.year() <= b.year()) ? a : b));
		Map<SeriesKey, String> awaiting = series.awaitingActualAfter(earliestActual.values());
		awaiting.forEach(units::putIfAbsent);
		Map<SeriesKey, SeriesState> states = series.lockAll(units);
		Set<RegionIndicator> trending = new HashSet<>();
		awaiting.keySet().forEach((key) -> trending.add(key.pair()));
		applied.stream().filter((f) -> f.kind() == FigureKind.TARGET).forEach((f) -> trending.add(key(f).pair()));
		Review review = new Review(alerts.open(units.keySet()), series.actuals(trending), rules.today());
		Map<RegionIndicator, List<SeriesKey>> byPair = new HashMap<>();
		units.keySet().forEach((key) -> byPair.computeIfAbsent(key.pair(), (p) -> new ArrayList<>()).add(key));
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
			Verdict verdict = evaluator.evaluate((newTarget != null) ? target(newTarget) : null,
					(newActual != null) ? newActual.value() : null, indicator(key).better());
			state = new SeriesState(state.region(), state.indicator(), state.year(), state.unit(), newTarget, newActual,
					verdict.name(), verdict.shortfall(), state.updatedAt());
			states.put(key, state);
			changed.put(key, state);
			if (!target) {
				review.actualsOf(key.pair()).put(key.year(), newActual.value());
			}
			review.of(key, state, EnumSet.allOf(AlertKind.class));
			if (!target) {
				for (SeriesKey later : byPair.get(key.pair())) {
					SeriesState laterState = states.get(later);
					if (later.year() > key.year() && laterState.target() != null && laterState.actual() == null) {
						review.of(later, laterState, EnumSet.of(AlertKind.TARGET_AT_RISK));
					}
				}
			}
		}
		series.updateAll(changed.values());
		review.book().flush();
		return applied.size();
	}

	/**
	 * Raises {@link AlertKind#ACTUAL_OVERDUE} on series whose actual has become overdue with the passing of
	 * time, up to {@code limit} of them; series a consumer holds are left for the next call.
	 * @return how many series were reviewed
	 */
	@Transactional
	public int reviewOverdue(int limit) {
		LocalDate today = rules.today();
		List<SeriesState> due = series.lockOverdue(rules.lastOverdueYear(today), limit);
		if (due.isEmpty()) {
			return 0;
		}
		List<SeriesKey> keys = due.stream().map(SeriesState::key).toList();
		Review review = new Review(alerts.open(keys), Map.of(), today);
		due.forEach((state) -> review.of(state.key(), state, EnumSet.of(AlertKind.ACTUAL_OVERDUE)));
		review.book().flush();
		return due.size();
	}

	/** The alert book of one transaction, with what the rules read besides a series' own state. */
	private final class Review {

		private final AlertKeeper.Book book;

		private final Map<RegionIndicator, NavigableMap<Integer, BigDecimal>> actuals;

		private final LocalDate today;

		Review(AlertKeeper.Book book, Map<RegionIndicator, NavigableMap<Integer, BigDecimal>> actuals, LocalDate today) {
			this.book = book;
			this.actuals = new HashMap<>(actuals);
			this.today = today;
		}

		AlertKeeper.Book book() {
			return book;
		}

		NavigableMap<Integer, BigDecimal> actualsOf(RegionIndicator pair) {
			return actuals.computeIfAbsent(pair, (p) -> new TreeMap<>());
		}

		/** Brings the alerts of these kinds on one series in line with its state. */
		void of(SeriesKey key, SeriesState state, Set<AlertKind> kinds) {
			Target target = (state.target() != null) ? target(state.target()) : null;
			BigDecimal actual = (state.actual() != null) ? state.actual().value() : null;
			Map<AlertKind, AlertCondition> holding = rules.conditions(key.year(), target, actual,
					Verdict.of(state.verdict(), state.shortfall()), indicator(key).better(), actualsOf(key.pair()), today);
			book.reconcile(key, target, actual, state.shortfall(), state.unit(), holding, kinds);
		}

	}

	private Indicator indicator(SeriesKey key) {
		return catalogue.indicator(key.indicator())
			.orElseThrow(() -> new IllegalArgumentException("Unknown indicator " + key.indicator()));
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
		return new Target(Figure.parse(Comparator.class, figure.comparator()), figure.value());
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
