package io.goalpost.ingest.figures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Indicator;
import io.goalpost.contract.IndicatorCatalogue;
import io.goalpost.contract.Source;
import io.goalpost.contract.Unit;

import org.springframework.stereotype.Component;

/**
 * Checks submitted figures against the catalogue and turns them into events. All or nothing: one bad
 * figure rejects the whole request, so a client never has to find out which half was taken.
 */
@Component
public class FigureValidator {

	private static final BigDecimal PERCENT_MIN = new BigDecimal("-100");

	private static final BigDecimal PERCENT_MAX = new BigDecimal("10000");

	private static final int MAX_TEXT = 2000;

	/** How far ahead of this service's clock a publication date may be: a day, for clocks and zones that differ. */
	private static final Duration PUBLICATION_AHEAD = Duration.ofDays(1);

	/** What a publication date must look like, for error messages. */
	public static final String PUBLISHED_AT_FORMAT = "must be an ISO date (2022-01-17) or date-time with offset (2022-01-17T09:00:00+08:00)";

	private final IndicatorCatalogue catalogue;

	private final IngestProperties properties;

	private final Clock clock;

	public FigureValidator(IndicatorCatalogue catalogue, IngestProperties properties, Clock clock) {
		this.catalogue = catalogue;
		this.properties = properties;
		this.clock = clock;
	}

	public List<FigureReported> validate(List<FigureSubmission> submissions) {
		List<FieldError> errors = new ArrayList<>();
		if (submissions.isEmpty()) {
			throw new InvalidFiguresException(List.of(new FieldError("$", "at least one figure is required")));
		}
		if (submissions.size() > properties.maxFiguresPerRequest()) {
			throw new InvalidFiguresException(List.of(new FieldError("$",
					"at most " + properties.maxFiguresPerRequest() + " figures per request; split the batch")));
		}
		Instant now = clock.instant();
		List<FigureReported> figures = new ArrayList<>(submissions.size());
		for (int i = 0; i < submissions.size(); i++) {
			String prefix = "[" + i + "]";
			BiConsumer<String, String> reject = (field, message) -> errors
				.add(new FieldError(field.isEmpty() ? prefix : prefix + "." + field, message));
			FigureSubmission submission = submissions.get(i);
			if (submission == null) {
				reject.accept("", "must be a figure object, not null");
				continue;
			}
			check(submission, now, reject).ifPresent(figures::add);
		}
		if (!errors.isEmpty()) {
			throw new InvalidFiguresException(errors);
		}
		return figures;
	}

	/**
	 * Checks one figure, reporting each thing wrong by field name ({@code source.url}; empty for the figure
	 * itself) to {@code errors}.
	 * @return the event, or empty when anything was wrong
	 */
	public Optional<FigureReported> check(FigureSubmission s, Instant now, BiConsumer<String, String> errors) {
		Fields fields = new Fields(errors);
		String region = fields.required("region", s.region());
		if (region != null && catalogue.region(region).isEmpty()) {
			fields.reject("region", "unknown region '" + region + "'; use a region id of the catalogue, such as chongqing");
		}
		Indicator indicator = null;
		String indicatorId = fields.required("indicator", s.indicator());
		if (indicatorId != null) {
			indicator = catalogue.indicator(indicatorId).orElse(null);
			if (indicator == null) {
				fields.reject("indicator", "unknown indicator '" + indicatorId + "'; see the catalogue for the ids");
			}
		}
		Integer year = fields.required("year", s.year());
		if (year != null && !FigureReported.yearInRange(year)) {
			fields.reject("year", "must be between " + FigureReported.MIN_YEAR + " and " + FigureReported.MAX_YEAR);
		}
		FigureKind kind = fields.required("kind", s.kind());
		BigDecimal value = fields.required("value", s.value());
		if (indicator != null) {
			checkUnit(indicator, s.unit(), fields);
			if (value != null) {
				checkValue(indicator.unit(), value, fields);
			}
		}
		if (kind == FigureKind.TARGET && s.status() != null) {
			fields.reject("status", "applies to actuals only; a target has no status");
		}
		fields.text("sentence", s.sentence());
		Source source = source(s.source(), now, fields);
		if (fields.count() > 0) {
			return Optional.empty();
		}
		Comparator comparator = (s.comparator() != null) ? s.comparator()
				: (kind == FigureKind.TARGET) ? Comparator.GTE : Comparator.EQ;
		return Optional.of(new FigureReported(
				FigureReported.idOf(region, indicatorId, year, kind, comparator, value, s.status(), source), region,
				indicatorId, year, kind, comparator, value, indicator.unit().id(), s.status(), source, s.sentence(),
				now));
	}

	private static void checkUnit(Indicator indicator, String unit, Fields fields) {
		if (unit != null && !unit.equals(indicator.unit().id())) {
			fields.reject("unit", "'" + unit + "' is not the unit of " + indicator.id() + "; its values are in "
					+ indicator.unit().id());
		}
	}

	private static void checkValue(Unit unit, BigDecimal value, Fields fields) {
		// Past these, 1e-999999999 passed every other check, and making its event id wrote out its billion digits: 29 s
		// and gigabytes for one request.
		if (FigureReported.tooLarge(value)) {
			fields.reject("value", "is out of range (at most 1e12 in the indicator's unit)");
		}
		else if (FigureReported.tooFine(value)) {
			fields.reject("value", "has more than " + FigureReported.MAX_DECIMALS + " decimal places");
		}
		else if (unit.isWhole() && value.signum() < 0) {
			fields.reject("value", "a count cannot be negative");
		}
		else if (unit.isWhole() && value.stripTrailingZeros().scale() > 0) {
			fields.reject("value", "a count must be a whole number");
		}
		else if (unit == Unit.PERCENT && (value.compareTo(PERCENT_MIN) < 0 || value.compareTo(PERCENT_MAX) > 0)) {
			fields.reject("value", "a percentage must be between -100 and 10000");
		}
		else if (unit != Unit.PERCENT && value.signum() < 0) {
			fields.reject("value", "cannot be negative in " + unit.id());
		}
	}

	private Source source(FigureSubmission.SourceSubmission source, Instant now, Fields fields) {
		if (source == null) {
			return Source.UNKNOWN;
		}
		fields.text("source.title", source.title());
		fields.text("source.url", source.url());
		fields.text("source.publisher", source.publisher());
		return new Source(source.title(), source.url(), source.publisher(), publishedAt(source.publishedAt(), now, fields));
	}

	private OffsetDateTime publishedAt(String text, Instant now, Fields fields) {
		try {
			OffsetDateTime publishedAt = publicationTime(text);
			// The latest publication is a series' current figure: one dated ahead would stay current until then.
			if (publishedAt != null && publishedAt.toInstant().isAfter(now.plus(PUBLICATION_AHEAD))) {
				fields.reject("source.publishedAt", "is in the future");
			}
			return publishedAt;
		}
		catch (DateTimeParseException ex) {
			fields.reject("source.publishedAt", PUBLISHED_AT_FORMAT);
			return null;
		}
	}

	/**
	 * A publication date or date-time as clients write it; a date alone is midnight in the default zone.
	 * @return null for a blank text
	 * @throws DateTimeParseException when it is neither
	 */
	public OffsetDateTime publicationTime(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return (text.length() <= 10) ? LocalDate.parse(text).atStartOfDay(properties.defaultZone()).toOffsetDateTime()
				: OffsetDateTime.parse(text);
	}

	/** Passes on and counts the errors of one figure. */
	private static final class Fields {

		private final BiConsumer<String, String> errors;

		private int count;

		Fields(BiConsumer<String, String> errors) {
			this.errors = errors;
		}

		<T> T required(String field, T value) {
			if (value == null || (value instanceof String text && text.isBlank())) {
				reject(field, "is required");
				return null;
			}
			return value;
		}

		/** Free text: at most {@link #MAX_TEXT} characters, and none that PostgreSQL cannot store in text (U+0000). */
		void text(String field, String value) {
			if (value != null && value.length() > MAX_TEXT) {
				reject(field, "is longer than " + MAX_TEXT + " characters");
			}
			else if (value != null && value.indexOf('\0') >= 0) {
				reject(field, "contains the character U+0000, which cannot be stored");
			}
		}

		void reject(String field, String message) {
			count++;
			errors.accept(field, message);
		}

		int count() {
			return count;
		}

	}

}
