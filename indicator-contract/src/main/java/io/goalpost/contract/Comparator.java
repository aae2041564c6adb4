package io.goalpost.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a figure's value is to be read: 突破 is {@code GT}, 以上 is {@code GTE}, 左右 is {@code APPROX}. */
public enum Comparator {
	@JsonProperty("eq") EQ,
	@JsonProperty("gt") GT,
	@JsonProperty("gte") GTE,
	@JsonProperty("approx") APPROX,
	@JsonProperty("lt") LT,
	@JsonProperty("lte") LTE
}
