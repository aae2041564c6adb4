package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.goalpost.contract.AlertKind;
import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Source;
import io.goalpost.metrics.alerts.Alert;
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
 * region and indicator are projected by, so those years' at-risk alerts are reviewed with it. A crash
 * anywhere leaves all of the batch or none of it.
 * <p>
 * What a batch reads of its series comes from {@link SeriesCache}, so a batch is writes only: the figures,
 * then each region's indicator and series it changed at the version after the one it holds. If any of them
 * was changed meanwhile by someone else, nothing is written ({@link StaleSeriesException}), the cache forgets
 * them, and the caller applies the batch again from what is stored.
 * <p>
 * A series' current target (and actual) is the figure of the most recent publication; within one
 * publication the more settled status (final over preliminary over estimate), then the later report, then
 * the event id. That order does not depend on arrival, so late or repeated deliveries cannot roll a series
 * back.
 */
@Service
public class SeriesUpdater {

	// One comparison for every figure consumed: the times are compared as they are held, at PostgreSQL's precision
	// (microseconds, so a stored figure and a new one agree), without an Instant made and truncated for each.
	static final java.util.Comparator<Figure> CURRENCY = (a, b) -> {
		int order = compareMicros(a.publicationSecond(), a.publicationNano(), b.publicationSecond(), b.publicationNano());
		if (order == 0) {
			order = Integer.compare(statusRank(a.status()), statusRank(b.status()));
		}
		if (order == 0) {
			order = compareMicros(a.reportedAt().getEpochSecond(), a.reportedAt().getNano(), b.reportedAt().getEpochSecond(),
					b.reportedAt().getNano());
		}
		return (order != 0) ? order : a.eventId().toString().compareTo(b.eventId().toString());
	};

	private final SeriesRepository series;

	private final SeriesCache cache;

	private final SeriesVersions versions;

	private final TargetEvaluator evaluator;

	private final AlertKeeper alerts;

	private final AlertRules rules;

	private final IndicatorCatalogue catalogue;

	private final Clock clock;

	SeriesUpdater(SeriesRepository series, SeriesCache cache, SeriesVersions versions, TargetEvaluator evaluator,
			AlertKeeper alerts, AlertRules rules, IndicatorCatalogue catalogue, Clock clock) {
		this.series = series;
		this.cache = cache;
		this.versions = versions;
		this.evaluator = evaluator;
		this.alerts = alerts;
		this.rules = rules;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	/**
	 * @return how many of the figures were new; figures received before change nothing
	 * @throws StaleSeriesException if a series held in memory had been changed in the database meanwhile;
	 *         nothing was written, and applying the batch again reads what is stored
	 */
	@Transactional
	public int applyAll(List<Received> batch) {
		Set<UUID> seen = new HashSet<>();
		List<Received> distinct = batch.stream().filter((r) -> seen.add(r.figure().eventId())).toList();
		Set<UUID> fresh = series.insertFigures(distinct);
		List<FigureReported> applied = distinct.stream()
			.map(Received::figure)
			.filter((figure) -> fresh.contains(figure.eventId()))
			.toList();
		if (applied.isEmpty()) {
			return 0;
		}
		Set<RegionIndicator> pairs = new LinkedHashSet<>();
		applied.forEach((figure) -> pairs.add(key(figure).pair()));
		SeriesCache.Transaction held = cache.begin(pairs);
		Map<RegionIndicator, HeldPair> before = hold(pairs);
		// The batch's own copy of each region's indicator's years; the firing alerts are the book's to copy.
		Map<RegionIndicator, NavigableMap<Integer, HeldSeries>> years = new HashMap<>();
		Map<RegionIndicator, List<Alert>> firing = new HashMap<>();
		before.forEach((pair, h) -> {
			years.put(pair, new TreeMap<>(h.years()));
			firing.put(pair, h.firing());
		});
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Review review = new Review(alerts.resume(firing), years, rules.today());
		Set<SeriesKey> touched = new LinkedHashSet<>();
		// Per region's indicator, the years with a target and no actual yet: all that a new actual can put at
		// risk. Found at the batch's first actual of the region's indicator (targets alone need none), from its
		// years as the batch has moved them so far, then kept up to date: not a walk over every later year for
		// every actual.
		Map<RegionIndicator, NavigableSet<Integer>> awaiting = new HashMap<>();
		for (FigureReported figure : applied) {
			SeriesKey key = key(figure);
			RegionIndicator pair = key.pair();
			Indicator indicator = indicator(key);
			NavigableMap<Integer, HeldSeries> ofPair = years.get(pair);
			HeldSeries held0 = ofPair.computeIfAbsent(key.year(), (year) -> new HeldSeries(new SeriesState(key.region(),
					key.indicator(), year, indicator.unit().id(), null, null, "PENDING", null, now), 0));
			SeriesState state = held0.state();
			Figure candidate = held(figure, indicator);
			boolean target = figure.kind() == FigureKind.TARGET;
			Figure current = target ? state.target() : state.actual();
			if (current != null && CURRENCY.compare(candidate, current) <= 0) {
				continue;
			}
			Figure newTarget = target ? candidate : state.target();
			Figure newActual = target ? state.actual() : candidate;
			Verdict verdict = evaluator.evaluate((newTarget != null) ? target(newTarget) : null,
					(newActual != null) ? newActual.value() : null, indicator.better());
			state = new SeriesState(state.region(), state.indicator(), state.year(), state.unit(), newTarget, newActual,
					verdict.name(), verdict.shortfall(), now);
			ofPair.put(key.year(), new HeldSeries(state, held0.version()));
			touched.add(key);
			review.of(key, state, EnumSet.allOf(AlertKind.class));
			NavigableSet<Integer> open = awaiting.get(pair);
			if (open != null) {
				if (awaitsActual(state)) {
					open.add(key.year());
				}
				else {
					open.remove(key.year());
				}
			}
			if (!target) {
				if (open == null) {
					open = awaitingActual(ofPair);
					awaiting.put(pair, open);
				}
				for (int year : open.tailSet(key.year(), false)) {
					SeriesState laterState = ofPair.get(year).state();
					review.of(laterState.key(), laterState, EnumSet.of(AlertKind.TARGET_AT_RISK));
					touched.add(laterState.key());
				}
			}
		}
		Set<RegionIndicator> moved = write(before, years, touched);
		review.book().flush();
		Map<RegionIndicator, List<Alert>> firingNow = review.book().firingByRegionIndicator();
		Map<RegionIndicator, HeldPair> after = new HashMap<>();
		before.forEach((pair, h) -> after.put(pair, new HeldPair(h.version() + (moved.contains(pair) ? 1 : 0),
				years.get(pair), firingNow.get(pair))));
		held.written(after);
		return applied.size();
	}

	private static NavigableSet<Integer> awaitingActual(NavigableMap<Integer, HeldSeries> ofPair) {
		NavigableSet<Integer> years = new TreeSet<>();
		ofPair.forEach((year, held) -> {
			if (awaitsActual(held.state())) {
				years.add(year);
			}
		});
		return years;
	}

	private static boolean awaitsActual(SeriesState state) {
		return state.target() != null && state.actual() == null;
	}

	/** What is held of these regions' indicators: from the cache, or read where it has none. */
	private Map<RegionIndicator, HeldPair> hold(Set<RegionIndicator> pairs) {
		Map<RegionIndicator, HeldPair> held = new HashMap<>();
		List<RegionIndicator> missing = new ArrayList<>();
		for (RegionIndicator pair : pairs) {
			HeldPair cached = cache.get(pair);
			if (cached != null) {
				held.put(pair, cached);
			}
			else {
				missing.add(pair);
			}
		}
		if (!missing.isEmpty()) {
			// The version first: whatever is written after it is read makes the write below fail, not go unseen.
			Map<RegionIndicator, Long> pairVersions = series.pairVersions(missing);
			Map<RegionIndicator, NavigableMap<Integer, HeldSeries>> stored = series.ofPairs(missing);
			Map<RegionIndicator, List<Alert>> firing = alerts.firingIn(missing);
			missing.forEach((pair) -> held.put(pair, new HeldPair(pairVersions.getOrDefault(pair, 0L),
					stored.getOrDefault(pair, Collections.emptyNavigableMap()), firing.getOrDefault(pair, List.of()))));
		}
		return held;
	}

	/**
	 * Writes the series touched, each at the version after the one held, and moves the version of each region's
	 * indicator they belong to; the rows stay locked until the transaction ends.
	 * @return the region indicators whose version moved
	 */
	private Set<RegionIndicator> write(Map<RegionIndicator, HeldPair> before,
			Map<RegionIndicator, NavigableMap<Integer, HeldSeries>> years, Set<SeriesKey> touched) {
		Map<RegionIndicator, Long> pairVersions = new HashMap<>();
		List<HeldSeries> written = new ArrayList<>(touched.size());
		for (SeriesKey key : touched) {
			RegionIndicator pair = key.pair();
			written.add(years.get(pair).computeIfPresent(key.year(), (year, held) -> new HeldSeries(held.state(), held.version() + 1)));
			if (!pairVersions.containsKey(pair)) {
				pairVersions.put(pair, before.get(pair).version() + 1);
			}
		}
		if (series.writePairVersions(pairVersions) != pairVersions.size() || series.writeHeld(written) != written.size()) {
			throw new StaleSeriesException(pairVersions.keySet());
		}
		return pairVersions.keySet();
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
		// Before the flush: queueing alert changes is the last thing a transaction does (AlertOutboxRelay).
		versions.changedBehindConsumers(keys);
		review.book().flush();
		return due.size();
	}

	/** The alert book of one transaction, with what the rules read besides a series' own state. */
	private final class Review {

		private final AlertKeeper.Book book;

		private final Map<RegionIndicator, ? extends Map<Integer, HeldSeries>> years;

		private final LocalDate today;

		Review(AlertKeeper.Book book, Map<RegionIndicator, ? extends Map<Integer, HeldSeries>> years, LocalDate today) {
			this.book = book;
			this.years = years;
			this.today = today;
		}

		AlertKeeper.Book book() {
			return book;
		}

		/** The current actual of every year of a region's indicator, as the batch has moved them so far. */
		NavigableMap<Integer, BigDecimal> actualsOf(RegionIndicator pair) {
			NavigableMap<Integer, BigDecimal> byYear = new TreeMap<>();
			Map<Integer, HeldSeries> ofPair = years.get(pair);
			if (ofPair != null) {
				ofPair.forEach((year, held) -> {
					if (held.state().actual() != null) {
						byYear.put(year, held.state().actual().value());
					}
				});
			}
			return byYear;
		}

		/** Brings the alerts of these kinds on one series in line with its state. */
		void of(SeriesKey key, SeriesState state, Set<AlertKind> kinds) {
			Target target = (state.target() != null) ? target(state.target()) : null;
			BigDecimal actual = (state.actual() != null) ? state.actual().value() : null;
			Map<AlertKind, AlertCondition> holding = rules.conditions(key.year(), target, actual,
					Verdict.of(state.verdict(), state.shortfall()), indicator(key).better(), () -> actualsOf(key.pair()), today);
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

	/**
	 * A new figure as a consumer holds it: what orders and evaluates it, without the text of its provenance, which
	 * only the database keeps. The garbage collector copies every held series for as long as it lives, a second
	 * or two under load, so what it holds is kept small.
	 */
	private static Figure held(FigureReported f, Indicator indicator) {
		return new Figure(f.eventId(), Figure.stored(f.kind()), Figure.stored(f.comparator()), f.value(),
				indicator.unit().id(), Figure.stored(f.status()),
				new Figure.Provenance(null, null, null, Source.orUnknown(f.source()).publishedAt()), null, f.reportedAt(), null);
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

	private static int compareMicros(long second, int nano, long otherSecond, int otherNano) {
		int order = Long.compare(second, otherSecond);
		return (order != 0) ? order : Integer.compare(nano / 1000, otherNano / 1000);
	}


}
