package io.goalpost.contract;

/** The default topic names; each service can override them in its configuration. */
public final class Topics {

	/** Every reported figure, keyed {@code region:indicator}. */
	public static final String FIGURES = "indicator-figures";

	/** Every alert state change, keyed {@code region:indicator:year}. */
	public static final String ALERTS = "indicator-alerts";

	private Topics() {
	}

}
