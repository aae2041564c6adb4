-- Where the outbox relay goes on from, for every metrics-service instance: passes take turns and move it in
-- their own transaction (AlertOutboxRelay), so alert changes leave in the order they were queued, with any
-- number of instances. One row.
CREATE TABLE alert_relay (
    one      boolean PRIMARY KEY DEFAULT true CHECK (one),
    next_id  bigint  NOT NULL
);
INSERT INTO alert_relay (next_id) SELECT coalesce(min(id), 0) FROM alert_outbox;
