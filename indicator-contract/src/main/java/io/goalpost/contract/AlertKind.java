package io.goalpost.contract;

/** What an alert is about, each with the severity it always has. */
public enum AlertKind {

	/** The year's actual misses its target. */
	TARGET_MISSED(Severity.CRITICAL),

	/** No actual yet, and the trend of earlier years' actuals projects a miss. */
	TARGET_AT_RISK(Severity.WARNING),

	/** The target's year ended long enough ago that an actual was due, and none has been reported. */
	ACTUAL_OVERDUE(Severity.INFO);

	private final Severity severity;

	AlertKind(Severity severity) {
		this.severity = severity;
	}

	public Severity severity() {
		return severity;
	}

}
