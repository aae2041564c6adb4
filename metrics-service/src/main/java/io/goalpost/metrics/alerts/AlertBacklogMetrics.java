package io.goalpost.metrics.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the outbox relay is behind, read from the outbox when the metrics are read: the alert changes waiting
 * and how long the oldest has waited. A relay that cannot publish, because Kafka is down or refuses a change for
 * good (which holds back every later one, to keep their order), shows as both growing: something an alerting rule
 * can watch, as it cannot the relay's warning at each pass. Every instance reports the same outbox.
 */
@Component
class AlertBacklogMetrics {

	// From the relay's cursor, so that the index scan starts past the rows already taken that vacuum has not removed.
	private static final String WAITING = "FROM alert_outbox WHERE id >= (SELECT next_id FROM alert_relay)";

	AlertBacklogMetrics(JdbcClient jdbc, MeterRegistry meters) {
		Gauge.builder("goalpost.alerts.queued", () -> jdbc.sql("SELECT count(*) " + WAITING).query(Long.class).single())
			.description("Alert changes in the outbox, not yet published to the alert topics")
			.register(meters);
		Gauge.builder("goalpost.alerts.queued.oldest.age", () -> jdbc
			.sql("SELECT coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) " + WAITING)
			.query(Double.class)
			.single())
			.description("How long the oldest alert change in the outbox has waited; 0 when none waits")
			.baseUnit("seconds")
			.register(meters);
	}

}
