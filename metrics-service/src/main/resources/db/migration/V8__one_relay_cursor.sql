-- Where the outbox relay goes on from, for every metrics-service instance: passes take turns and move it in
-- their own transaction (AlertOutboxRelay), so alert changes leave in the order they were queued, with any
-- number of instances. One row.
CREATE TABLE alert_relay (
    one      boolean PRIMARY KEY DEFAULT true CHECK (one),
    next_id  bigint  NOT NULL
);
INSERT INTO alert_relay (next_id) SELECT coalesce(min(id), 0) FROM alert_outbox;
-- A pass reads up to the sequence's last value, so no id at or below it may be handed out later: no session may
-- hold a cache of ids drawn ahead (bigserial's default, made explicit).
ALTER SEQUENCE alert_outbox_id_seq CACHE 1;
