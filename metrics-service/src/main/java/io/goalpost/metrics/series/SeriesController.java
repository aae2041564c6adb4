package io.goalpost.metrics.series;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Reads of the series state: the latest target and actual of each series, and a series' history. */
@RestController
class SeriesController {

	private final SeriesRepository series;

	SeriesController(SeriesRepository series) {
		this.series = series;
	}

	@GetMapping("/api/v1/series")
	List<SeriesState> list(@RequestParam(required = false) String region,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "500") int limit) {
		return series.find(region, indicator, year, Math.clamp(limit, 1, 5000));
	}

	@GetMapping("/api/v1/series/{region}/{indicator}")
	Timeline timeline(@PathVariable String region, @PathVariable String indicator) {
		List<SeriesState> years = series.find(region, indicator, null, 1000);
		if (years.isEmpty()) {
			throw new ResponseStatusException(NOT_FOUND, "No figure of " + indicator + " in " + region + " has been received.");
		}
		Map<Integer, Year> byYear = new TreeMap<>();
		for (SeriesState state : years) {
			byYear.put(state.year(), new Year(state, series.history(new SeriesKey(region, indicator, state.year()))));
		}
		return new Timeline(region, indicator, years.getFirst().unit(), List.copyOf(byYear.values()));
	}

	/** Every year of a series, each with its current state and every figure received for it. */
	record Timeline(String region, String indicator, String unit, List<Year> years) {
	}

	record Year(SeriesState current, List<Figure> history) {
	}

}
