package io.goalpost.ingest.figures;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.goalpost.ingest.publishing.FigurePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Publishes the figures of a CSV body as it is read, in one Kafka transaction: all of the file or, if any
 * row is wrong, none of it. The whole file is checked either way, so that one answer lists the wrong rows.
 */
@Component
class CsvIngestion {

	private static final Logger log = LoggerFactory.getLogger(CsvIngestion.class);

	/** How many errors one answer lists; the rest are counted. */
	static final int MAX_REPORTED_ERRORS = 100;

	private static final long PROGRESS_EVERY = 100_000;

	private final FigureValidator validator;

	private final FigurePublisher publisher;

	private final JsonMapper json;

	private final Clock clock;

	private final IngestProperties properties;

	CsvIngestion(FigureValidator validator, FigurePublisher publisher, JsonMapper json, Clock clock,
			IngestProperties properties) {
		this.validator = validator;
		this.publisher = publisher;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * @return how many figures were published
	 * @throws CsvFormatException when the body is not CSV of figures
	 * @throws InvalidFiguresException when any row breaks the catalogue's rules
	 */
	long ingest(Reader body) {
		Instant now = clock.instant();
		// The transaction below is open while the body arrives, and holds back every reader of committed records on
		// the partitions it has written to: a slow upload may not hold them for longer than this.
		CsvFigures rows = new CsvFigures(new TimeLimitedReader(body, properties.csvUploadTimeLimit()), json);
		Errors errors = new Errors();
		long[] published = { 0 };
		publisher.publishAll((sink) -> {
			for (CsvFigures.Row row = rows.next(); row != null; row = rows.next()) {
				if (row.unreadable() != null) {
					errors.add(row.unreadable());
					continue;
				}
				long number = row.row();
				validator.check(row.submission(), now, (field, message) -> errors
					.add(new FieldError(number, field.isEmpty() ? null : field, message)))
					.filter((figure) -> errors.total == 0)
					.ifPresent((figure) -> {
						sink.accept(figure);
						if (++published[0] % PROGRESS_EVERY == 0) {
							log.info("CSV upload: {} figures sent so far", published[0]);
						}
					});
			}
			if (errors.total > 0) {
				throw new InvalidFiguresException(errors.first, errors.total);
			}
			if (published[0] == 0) {
				throw new InvalidFiguresException(List.of(new FieldError(2L, null, "at least one figure is required")));
			}
		});
		return published[0];
	}

	/** The first errors of a body, and how many there were. */
	private static final class Errors {

		private final List<FieldError> first = new ArrayList<>();

		private long total;

		void add(FieldError error) {
			total++;
			if (first.size() < MAX_REPORTED_ERRORS) {
				first.add(error);
			}
		}

	}

}
