package io.goalpost.contract;

/** The default topic names; each service can override them in its configuration. */
public final class Topics {

	/** Every reported figure, keyed {@code region:indicator}. */
	public static final String FIGURES = "indicator-figures";

	/** Every alert state change, keyed {@code region:indicator:year}. */
	public static final String ALERTS = "indicator-alerts";

	/**
	 * The current state of every alert, keyed by fingerprint, compacted: a new subscriber reads it from the
	 * start to rebuild the set of firing alerts. A tombstone removes an alert resolved long enough ago.
	 */
	public static final String ALERTS_CURRENT = ALERTS + "-current";

	private Topics() {
	}

}
