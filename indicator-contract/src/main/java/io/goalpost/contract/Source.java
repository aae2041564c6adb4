package io.goalpost.contract;

import java.time.OffsetDateTime;

/** Where a figure was published. Every field is optional; {@code publishedAt} orders revisions. */
public record Source(String title, String url, String publisher, OffsetDateTime publishedAt) {

	public static final Source UNKNOWN = new Source(null, null, null, null);

	/** The source given, or {@link #UNKNOWN} for none. */
	public static Source orUnknown(Source source) {
		return (source != null) ? source : UNKNOWN;
	}

}
