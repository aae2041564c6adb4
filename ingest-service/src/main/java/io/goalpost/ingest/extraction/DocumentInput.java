package io.goalpost.ingest.extraction;

import java.time.LocalDate;

/**
 * A document as submitted, with whatever the client knows about it; unknown attributes are inferred.
 *
 * @param html whether the text is HTML (it is also detected)
 */
public record DocumentInput(String text, boolean html, String title, String publisher, LocalDate publishedOn,
		String region) {

	public static DocumentInput plain(String text) {
		return new DocumentInput(text, false, null, null, null, null);
	}

}
