package io.goalpost.ingest.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.goalpost.ingest.extraction.ExtractedFigure;
import io.goalpost.ingest.extraction.Inferred;

/**
 * The answer to a posted document: what it is (and where each attribute came from), the figures found,
 * which of them were published, and anything the reader should know.
 */
record DocumentReading(Inferred<LocalDate> publishedOn, Inferred<String> region, Inferred<String> title,
		Inferred<String> publisher, boolean dryRun, int published, List<Figure> figures, List<String> warnings) {

	/** A figure found, with the id of its event when it was published. */
	record Figure(@JsonUnwrapped ExtractedFigure figure, boolean canonical, UUID eventId) {
	}

}
