package io.goalpost.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a figure is a goal set for its year or an outcome reported for it. */
public enum FigureKind {
	@JsonProperty("target") TARGET,
	@JsonProperty("actual") ACTUAL
}
