package io.goalpost.metrics.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayInterval how often the outbox is checked for alert changes to publish
 * @param relayBatch how many queued changes one pass publishes at most
 * @param sendTimeout how long a pass waits for the broker to acknowledge before trying again later
 */
@ConfigurationProperties("goalpost.alerts")
public record AlertProperties(@DefaultValue("100ms") Duration relayInterval, @DefaultValue("500") int relayBatch,
		@DefaultValue("10s") Duration sendTimeout) {
}
