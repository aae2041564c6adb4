-- The consumer keeps what it has read and written of each region's indicator (every year: the figures'
-- Kafka key, so one partition's) in memory between batches, and writes without reading first. It writes
-- only at the versions it holds, so a state changed behind its back is detected and reread, never
-- overwritten (docs/architecture.md): a region's indicator moves its version with every batch that
-- writes any of its years (a consumer that owned the partition before, a year it has not seen), and a
-- series moves its own when anything else changes it or its alerts (the sweepers).
CREATE TABLE region_indicator (
    region     text   NOT NULL,
    indicator  text   NOT NULL,
    version    bigint NOT NULL,
    PRIMARY KEY (region, indicator)
);
INSERT INTO region_indicator (region, indicator, version) SELECT DISTINCT region, indicator, 1 FROM series;
ALTER TABLE series ADD COLUMN version bigint NOT NULL DEFAULT 1;

-- Checked on every series update, these cost an index probe each while the consumer wrote the figure
-- rows they point at a statement earlier, in the same transaction; figures are never deleted.
ALTER TABLE series DROP CONSTRAINT series_target_event_id_fkey;
ALTER TABLE series DROP CONSTRAINT series_actual_event_id_fkey;

-- One row per alert change instead of one per change and topic, deleted once both topics have it: the
-- outbox is a queue; the history of alerts is the alert table and the topics themselves.
CREATE TABLE alert_queue (
    id            bigserial PRIMARY KEY,
    event_id      text        NOT NULL,
    event_type    text,
    -- The key on the changes topic (the series); null for a tombstone, which goes to the compacted topic only.
    series_key    text,
    -- The key on the compacted topic.
    fingerprint   text        NOT NULL,
    payload       bytea,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- What was still waiting is carried over, in its order: each change once, and each tombstone.
INSERT INTO alert_queue (event_id, event_type, series_key, fingerprint, payload, created_at)
SELECT o.event_id, o.event_type, CASE WHEN o.topic = 'changes' THEN o.message_key END, a.fingerprint, o.payload, o.created_at
FROM alert_outbox o JOIN alert a ON a.alert_id = o.alert_id
WHERE o.published_at IS NULL AND (o.topic = 'changes' OR o.payload IS NULL)
ORDER BY o.id;

DROP TABLE alert_outbox;
ALTER TABLE alert_queue RENAME TO alert_outbox;
ALTER SEQUENCE alert_queue_id_seq RENAME TO alert_outbox_id_seq;
ALTER INDEX alert_queue_pkey RENAME TO alert_outbox_pkey;
ALTER TABLE alert_outbox SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_analyze_threshold = 1000, autovacuum_analyze_scale_factor = 0.0);
