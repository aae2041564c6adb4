package io.goalpost.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How settled a reported figure is; later statuses supersede earlier ones of the same publication. */
public enum FigureStatus {
	@JsonProperty("estimate") ESTIMATE,
	@JsonProperty("preliminary") PRELIMINARY,
	@JsonProperty("final") FINAL
}
