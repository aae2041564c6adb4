package io.goalpost.metrics.series;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.goalpost.contract.AlertKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Region;
import io.goalpost.metrics.alerts.FiringAlerts;
import io.goalpost.metrics.web.Csv;
import io.goalpost.metrics.web.Page;
import io.goalpost.metrics.web.QueryParams;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Reads of the series state: the list of series, one series' timeline with its revisions, and a region's
 * scorecard for a year. The timeline and the scorecard also come as CSV ({@code Accept: text/csv}).
 */
@RestController
class SeriesController {

	private static final int MAX_YEARS = 200;

	/** The latest figures of a year that a timeline shows: a year sees a handful of revisions, and a flood must not fill a page. */
	static final int MAX_HISTORY = 100;

	private final SeriesRepository series;

	private final IndicatorCatalogue catalogue;

	private final FiringAlerts alerts;

	SeriesController(SeriesRepository series, IndicatorCatalogue catalogue, FiringAlerts alerts) {
		this.series = series;
		this.catalogue = catalogue;
		this.alerts = alerts;
	}

	@GetMapping("/api/v1/series")
	Page<SeriesState> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return Page.of(page, size,
				(offset, limit) -> series.find(QueryParams.text(region), QueryParams.text(indicator), year, offset, limit));
	}

	@GetMapping("/api/v1/series/{region}/{indicator}")
	Timeline timeline(@PathVariable String region, @PathVariable String indicator) {
		Indicator known = indicator(indicator);
		region(region);
		List<SeriesState> years = series.find(region, indicator, null, 0, MAX_YEARS);
		if (years.isEmpty()) {
			throw new ResponseStatusException(NOT_FOUND, "No figure of " + indicator + " in " + region + " has been received.");
		}
		Map<Integer, Year> byYear = new TreeMap<>();
		for (SeriesState state : years) {
			List<Figure> history = series.history(state.key(), MAX_HISTORY + 1);
			boolean earlierOmitted = history.size() > MAX_HISTORY;
			if (earlierOmitted) {
				history = history.subList(1, history.size());
			}
			byYear.put(state.year(), new Year(state.year(), state, Revisions.of(history, state), earlierOmitted));
		}
		return new Timeline(region, indicator, known.names(), years.getFirst().unit(), List.copyOf(byYear.values()));
	}

	@GetMapping(path = "/api/v1/series/{region}/{indicator}", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> timelineCsv(@PathVariable String region, @PathVariable String indicator) {
		Timeline timeline = timeline(region, indicator);
		List<List<?>> rows = new ArrayList<>();
		for (Year year : timeline.years()) {
			for (Revisions.Revision revision : year.history()) {
				Figure f = revision.figure();
				rows.add(List.of(year.year(), f.kind(), nullable(f.comparator()), f.value(), f.unit(), nullable(f.status()),
						revision.current(), revision.why(), nullable(f.source().title()), nullable(f.source().url()),
						nullable(f.source().publisher()), nullable(f.source().publishedAt()), nullable(f.sentence()),
						f.eventId(), year.earlierFiguresOmitted()));
			}
		}
		return Csv.download(region + "-" + indicator + ".csv",
				List.of("year", "kind", "comparator", "value", "unit", "status", "current", "why", "source_title",
						"source_url", "source_publisher", "published_at", "sentence", "event_id", "earlier_figures_omitted"),
				rows);
	}

	/** The catalogue's regions, each with the years it has figures for. */
	@GetMapping("/api/v1/regions")
	Page<RegionYears> regions(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		List<Region> regions = List.copyOf(catalogue.regions());
		return Page.of(page, size, (offset, limit) -> {
			Map<String, List<Integer>> years = series.yearsByRegion();
			return regions.subList(Math.min(offset, regions.size()), Math.min(offset + limit, regions.size()))
				.stream()
				.map((region) -> new RegionYears(region.id(), region.names(), years.getOrDefault(region.id(), List.of())))
				.toList();
		});
	}

	/** Every indicator of the catalogue for a region and year: target, actual, how it stands, what is firing. */
	@GetMapping("/api/v1/regions/{region}/scorecard")
	Scorecard scorecard(@PathVariable String region, @RequestParam int year) {
		Region known = region(region);
		if (!FigureReported.yearInRange(year)) {
			throw new ResponseStatusException(BAD_REQUEST, "year must be between " + FigureReported.MIN_YEAR + " and "
					+ FigureReported.MAX_YEAR + ", the years a figure may be of");
		}
		Map<String, SeriesState> states = new TreeMap<>();
		series.find(region, null, year, 0, Page.MAX_SIZE).forEach((state) -> states.put(state.indicator(), state));
		Map<String, Set<AlertKind>> firing = alerts.byIndicator(region, year);
		List<ScorecardRow> rows = catalogue.indicators().stream().map((indicator) -> {
			SeriesState state = states.get(indicator.id());
			Set<AlertKind> kinds = firing.getOrDefault(indicator.id(), Set.of());
			return new ScorecardRow(indicator.id(), indicator.names(), indicator.unit().id(),
					(state != null) ? state.target() : null, (state != null) ? state.actual() : null, status(state, kinds),
					(state != null) ? state.shortfall() : null, kinds);
		}).toList();
		return new Scorecard(region, known.names(), year, rows);
	}

	@GetMapping(path = "/api/v1/regions/{region}/scorecard", produces = Csv.MEDIA_TYPE)
	ResponseEntity<String> scorecardCsv(@PathVariable String region, @RequestParam int year) {
		Scorecard scorecard = scorecard(region, year);
		List<List<Object>> rows = scorecard.indicators().stream().map((row) -> List.<Object>of(row.indicator(),
				row.names().getOrDefault("zh-Hans", ""), row.names().getOrDefault("en", ""), row.unit(),
				nullable((row.target() != null) ? row.target().comparator() : null),
				nullable((row.target() != null) ? row.target().value() : null),
				nullable((row.actual() != null) ? row.actual().value() : null),
				nullable((row.actual() != null) ? row.actual().status() : null), row.status(), nullable(row.shortfall()),
				String.join(" ", row.alerts().stream().map(Enum::name).toList()))).toList();
		return Csv.download(region + "-" + year + "-scorecard.csv",
				List.of("indicator", "name_zh", "name_en", "unit", "target_comparator", "target_value", "actual_value",
						"actual_status", "status", "shortfall", "alerts"),
				rows);
	}

	/**
	 * How an indicator stands: MISSED or MET once an actual is in; before that AT_RISK or OVERDUE when such an
	 * alert fires, else PENDING; NO_TARGET with only an actual; NO_DATA with neither.
	 */
	private static String status(SeriesState state, Set<AlertKind> firing) {
		if (state == null || (state.target() == null && state.actual() == null)) {
			return "NO_DATA";
		}
		if (state.target() == null) {
			return "NO_TARGET";
		}
		if (state.actual() != null) {
			return state.verdict();
		}
		if (firing.contains(AlertKind.TARGET_AT_RISK)) {
			return "AT_RISK";
		}
		return firing.contains(AlertKind.ACTUAL_OVERDUE) ? "OVERDUE" : "PENDING";
	}

	private Region region(String id) {
		return catalogue.region(id)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown region '" + id + "': see the catalogue's regions"));
	}

	private Indicator indicator(String id) {
		return catalogue.indicator(id)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "Unknown indicator '" + id + "': see the catalogue's indicators"));
	}

	private static Object nullable(Object value) {
		return (value != null) ? value : "";
	}

	/** Every year of a series, each with its current state and every figure received for it. */
	record Timeline(String region, String indicator, Map<String, String> names, String unit, List<Year> years) {
	}

	/** @param earlierFiguresOmitted whether the year has figures published before the first of {@code history} */
	record Year(int year, SeriesState current, List<Revisions.Revision> history, boolean earlierFiguresOmitted) {
	}

	record RegionYears(String id, Map<String, String> names, List<Integer> years) {
	}

	record Scorecard(String region, Map<String, String> names, int year, List<ScorecardRow> indicators) {
	}

	/**
	 * @param status MISSED, MET, AT_RISK, OVERDUE, PENDING, NO_TARGET or NO_DATA
	 * @param alerts the kinds of alert firing on it
	 */
	record ScorecardRow(String indicator, Map<String, String> names, String unit, Figure target, Figure actual,
			String status, BigDecimal shortfall, Set<AlertKind> alerts) {
	}

}
