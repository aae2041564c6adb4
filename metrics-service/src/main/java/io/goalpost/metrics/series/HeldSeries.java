package io.goalpost.metrics.series;

/**
 * A series as a consumer holds it: its state, at the version of the row it was read from or written as (0: new).
 * The figures a consumer applied itself are held without the text of their provenance: nothing reads it here.
 */
record HeldSeries(SeriesState state, long version) {
}
