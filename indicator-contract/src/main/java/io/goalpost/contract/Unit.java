package io.goalpost.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The canonical unit of an indicator's values. */
public enum Unit {
	@JsonProperty("percent") PERCENT(false),
	@JsonProperty("cny_100m") CNY_100M(false),
	@JsonProperty("persons") PERSONS(true),
	@JsonProperty("count") COUNT(true),
	@JsonProperty("per_10k_people") PER_10K_PEOPLE(false);

	private final boolean whole;

	Unit(boolean whole) {
		this.whole = whole;
	}

	/** The wire name, as in {@code indicators.yml} and the events. */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** Counts of things: never negative, never fractional. */
	public boolean isWhole() {
		return whole;
	}

}
