package io.goalpost.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How urgent an alert is, as Datadog and Alertmanager routes read it. */
public enum Severity {
	@JsonProperty("critical") CRITICAL,
	@JsonProperty("warning") WARNING,
	@JsonProperty("info") INFO;

	private final String id = name().toLowerCase(java.util.Locale.ROOT);

	/** The wire name, as in the events and the alert labels. */
	public String id() {
		return id;
	}

}
