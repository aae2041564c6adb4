package io.goalpost.metrics.series;

/** A series as a consumer holds it: its state, at the version of the row it was read from or written as (0: new). */
record HeldSeries(SeriesState state, long version) {
}
