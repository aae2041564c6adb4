package io.goalpost.ingest.extraction;

import java.time.LocalDate;
import java.util.List;

import io.goalpost.contract.Region;

/** What was read from one document: its attributes, where they came from, the figures, and any warnings. */
public record Extraction(Inferred<LocalDate> publishedOn, Inferred<Region> region, Inferred<String> title,
		Inferred<String> publisher, List<ExtractedFigure> figures, List<String> warnings) {
}
