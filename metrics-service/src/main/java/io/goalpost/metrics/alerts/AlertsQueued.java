package io.goalpost.metrics.alerts;

/** Alert changes were queued in the outbox by the current transaction. */
record AlertsQueued() {
}
