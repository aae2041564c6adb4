package io.goalpost.metrics.alerts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayInterval how often the whole outbox is read for alert changes left to publish (after a failed send,
 *        a restart, another instance's crash, or with {@code relayAfterCommit} off)
 * @param relayBatch how many queued changes one relay transaction publishes at most
 * @param relayAfterCommit whether a transaction that queued changes starts a pass as soon as it commits
 * @param sendTimeout how long a pass waits for the broker to acknowledge before trying again later
 * @param actualOverdueMonths how many months after the end of a target's year its actual is overdue
 * @param resolvedRetention how long a resolved alert stays on the compacted topic before its tombstone
 * @param sweepInterval how often time-driven changes are looked for: actuals becoming overdue, silences
 *        ending, resolved alerts expiring
 * @param streamMaxSubscribers how many server-sent event streams of alert changes one instance serves at once;
 *        each holds a connection for up to an hour, and reads need no key by default
 * @param maxSilences how many silences may be pending or active at once: every batch that changes an alert checks
 *        the changes against each active one
 */
@ConfigurationProperties("goalpost.alerts")
public record AlertProperties(@DefaultValue("1s") Duration relayInterval, @DefaultValue("500") int relayBatch,
		@DefaultValue("true") boolean relayAfterCommit, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("6") int actualOverdueMonths, @DefaultValue("24h") Duration resolvedRetention,
		@DefaultValue("1m") Duration sweepInterval, @DefaultValue("500") int streamMaxSubscribers,
		@DefaultValue("100") int maxSilences) {
}
