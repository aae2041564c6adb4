package io.goalpost.metrics.alerts;

/** Alert changes were queued in the outbox by the current transaction, the first of them at {@code firstId}. */
record AlertsQueued(long firstId) {
}
