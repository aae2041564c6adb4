package io.goalpost.metrics.series;

import io.goalpost.contract.FigureReported;

/** A figure as it came off its partition. */
public record Received(FigureReported figure, int partition, long offset) {
}
