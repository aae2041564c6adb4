package io.goalpost.metrics.figures;

import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;

import org.springframework.stereotype.Component;

/** What a consumed figure must satisfy before it may touch a series, whoever produced it. */
@Component
class FigureCheck {

	private final IndicatorCatalogue catalogue;

	FigureCheck(IndicatorCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	void validate(FigureReported figure) {
		require(figure.eventId() != null, "eventId is missing");
		require(figure.region() != null && !figure.region().isBlank(), "region is missing");
		require(figure.kind() != null, "kind is missing");
		require(figure.comparator() != null, "comparator is missing");
		require(figure.value() != null, "value is missing");
		require(figure.reportedAt() != null, "reportedAt is missing");
		// A message naming the value is built only when the check fails: thousands of figures a second pass here.
		if (!FigureReported.yearInRange(figure.year())) {
			throw new UnusableFigureException("year " + figure.year() + " is out of range");
		}
		// As for indicators: a region outside the catalogue would make series that no scorecard or region list shows.
		if (catalogue.region(figure.region()).isEmpty()) {
			throw new UnusableFigureException("Unknown region '" + figure.region() + "'");
		}
		Indicator indicator = catalogue.indicator(String.valueOf(figure.indicator()))
			.orElseThrow(() -> new UnusableFigureException("Unknown indicator '" + figure.indicator() + "'"));
		if (!indicator.unit().id().equals(figure.unit())) {
			throw new UnusableFigureException("unit '" + figure.unit() + "' is not the unit of " + indicator.id());
		}
		// Ingest's bounds, for figures of other producers: 1e-999999999 would otherwise reach PostgreSQL, which refuses
		// it only after failing the whole batch, and one within its range could be a hundred thousand digits to compute with.
		if (FigureReported.tooLarge(figure.value())) {
			throw new UnusableFigureException("value is out of range (at most " + FigureReported.MAX_MAGNITUDE + ")");
		}
		if (FigureReported.tooFine(figure.value())) {
			throw new UnusableFigureException("value has more than " + FigureReported.MAX_DECIMALS + " decimal places");
		}
	}

	private static void require(boolean condition, String problem) {
		if (!condition) {
			throw new UnusableFigureException(problem);
		}
	}

}
