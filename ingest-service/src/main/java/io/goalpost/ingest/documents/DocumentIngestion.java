package io.goalpost.ingest.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.goalpost.contract.FigureReported;
import io.goalpost.contract.Region;
import io.goalpost.ingest.extraction.DocumentInput;
import io.goalpost.ingest.extraction.ExtractedFigure;
import io.goalpost.ingest.extraction.Extraction;
import io.goalpost.ingest.extraction.FigureExtractor;
import io.goalpost.ingest.extraction.Inferred;
import io.goalpost.ingest.figures.FigureSubmission;
import io.goalpost.ingest.figures.FigureValidator;
import io.goalpost.ingest.figures.InvalidFiguresException;
import io.goalpost.ingest.publishing.FigurePublisher;

import org.springframework.stereotype.Service;

/**
 * Reads a document and publishes its figures the way {@code POST /api/v1/figures} would: each figure
 * checked by the same validator, all of one document in one Kafka transaction.
 */
@Service
class DocumentIngestion {

	private final FigureExtractor extractor;

	private final FigureValidator validator;

	private final FigurePublisher publisher;

	DocumentIngestion(FigureExtractor extractor, FigureValidator validator, FigurePublisher publisher) {
		this.extractor = extractor;
		this.validator = validator;
		this.publisher = publisher;
	}

	DocumentReading read(DocumentInput input, String url, boolean dryRun) {
		Extraction extraction = extractor.extract(input);
		List<String> warnings = new ArrayList<>(extraction.warnings());
		List<DocumentReading.Figure> figures = new ArrayList<>();
		List<FigureReported> events = new ArrayList<>();
		for (ExtractedFigure figure : extraction.figures()) {
			FigureReported event = (figure.canonical() && figure.region() != null)
					? event(figure, extraction, url, warnings) : null;
			if (event != null) {
				events.add(event);
			}
			figures.add(new DocumentReading.Figure(figure, figure.canonical(), (event != null && !dryRun) ? event.eventId() : null));
		}
		if (!dryRun && !events.isEmpty()) {
			this.publisher.publish(events);
		}
		Inferred<Region> region = extraction.region();
		return new DocumentReading(extraction.publishedOn(),
				new Inferred<>(region.known() ? region.value().id() : null, region.source()), extraction.title(),
				extraction.publisher(), dryRun,
				dryRun ? 0 : events.size(), figures, warnings);
	}

	private FigureReported event(ExtractedFigure figure, Extraction extraction, String url, List<String> warnings) {
		LocalDate publishedOn = extraction.publishedOn().value();
		FigureSubmission submission = new FigureSubmission(figure.region(), figure.indicator(), figure.year(),
				figure.kind(), figure.comparator(), figure.value(), figure.unit(), figure.status(),
				new FigureSubmission.SourceSubmission(extraction.title().value(), url, extraction.publisher().value(),
						(publishedOn != null) ? publishedOn.toString() : null),
				abbreviate(figure.sentence()));
		try {
			return validator.validate(List.of(submission)).getFirst();
		}
		catch (InvalidFiguresException ex) {
			warnings.add("not published: " + figure.indicator() + " " + figure.year() + " " + ex.getMessage());
			return null;
		}
	}

	private static String abbreviate(String sentence) {
		return (sentence.length() <= 2000) ? sentence : sentence.substring(0, 1999) + "…";
	}

}
