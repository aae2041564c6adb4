package io.goalpost.ingest.extraction;

import java.math.BigDecimal;

import io.goalpost.contract.Comparator;
import io.goalpost.contract.FigureKind;
import io.goalpost.contract.FigureStatus;

/**
 * A figure found in a document.
 *
 * @param indicator a catalogue id, or {@code other:…} for an indicator outside the catalogue
 * @param sentence the sentence it was read from, as it stands in the input
 * @param start where the figure's wording (indicator to value) starts in the text
 * @param end where it ends
 */
public record ExtractedFigure(String indicator, String region, int year, FigureKind kind, Comparator comparator,
		BigDecimal value, String unit, FigureStatus status, String sentence, int start, int end) {

	/** Whether the indicator is one of the catalogue's, and so the figure can be published. */
	public boolean canonical() {
		return !indicator.startsWith(OTHER);
	}

	static final String OTHER = "other:";

	/** What makes two findings the same figure (a headline repeating the body). */
	String identity() {
		return String.join("|", indicator, region, Integer.toString(year), kind.name(), comparator.name(),
				value.toPlainString());
	}

}
