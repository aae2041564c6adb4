package io.goalpost.metrics;

import java.util.List;

import io.goalpost.contract.AlertChanged;
import io.goalpost.contract.AlertKind;
import io.goalpost.contract.AlertState;
import io.goalpost.contract.EventCodec;
import io.goalpost.testsupport.TopicReader;
import org.awaitility.Awaitility;

import static io.goalpost.testsupport.Waits.THROUGH_KAFKA;

/** The alert changes a test has read from the alert topic, by series. */
public final class AlertChanges {

	private AlertChanges() {
	}

	/** The changes of one series ({@code region:indicator:year}), in the order published. */
	public static List<AlertChanged> of(TopicReader topic, String key) {
		return topic.records()
			.stream()
			.filter((record) -> key.equals(record.key()))
			.map((record) -> EventCodec.read(record.value(), AlertChanged.class))
			.toList();
	}

	/** Waits for the first change of one series to this kind and state. */
	public static AlertChanged await(TopicReader topic, String key, AlertKind kind, AlertState state) {
		return Awaitility.await()
			.atMost(THROUGH_KAFKA)
			.until(() -> of(topic, key).stream()
				.filter((alert) -> alert.kind() == kind && alert.state() == state)
				.findFirst()
				.orElse(null), (alert) -> alert != null);
	}

}
