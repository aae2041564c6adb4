package io.goalpost.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The canonical unit of an indicator's values. */
public enum Unit {
	@JsonProperty("percent") PERCENT(false, "%", "%"),
	@JsonProperty("cny_100m") CNY_100M(false, " 亿元", " CNY 100m"),
	@JsonProperty("persons") PERSONS(true, " 人", " people"),
	@JsonProperty("count") COUNT(true, " 家", ""),
	@JsonProperty("per_10k_people") PER_10K_PEOPLE(false, " 件/万人", " per 10,000 people");

	private final boolean whole;

	private final String zh;

	private final String en;

	// Made once: a consumer asks for it with every figure it applies.
	private final String id = name().toLowerCase(java.util.Locale.ROOT);

	Unit(boolean whole, String zh, String en) {
		this.whole = whole;
		this.zh = zh;
		this.en = en;
	}

	/** What follows a value of this unit in Chinese text ({@code 5,108 家}, {@code 2.3%}). */
	public String suffixZh() {
		return zh;
	}

	/** What follows a value of this unit in English text. */
	public String suffixEn() {
		return en;
	}

	/** The unit of a wire name, as {@link #id()} gives it. */
	public static Unit of(String id) {
		return valueOf(id.toUpperCase(java.util.Locale.ROOT));
	}

	/** The wire name, as in {@code indicators.yml} and the events. */
	public String id() {
		return id;
	}

	/** Counts of things: never negative, never fractional. */
	public boolean isWhole() {
		return whole;
	}

}
