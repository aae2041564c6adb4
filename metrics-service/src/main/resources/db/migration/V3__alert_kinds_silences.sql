-- Alerts of three kinds, one at a time per (kind, series), identified across firings by a fingerprint;
-- silences; and a second, compacted topic for the current state of each alert.
ALTER TABLE alert RENAME COLUMN first_raised_at TO starts_at;
ALTER TABLE alert RENAME COLUMN resolved_at TO ends_at;
ALTER TABLE alert
    ADD COLUMN kind text NOT NULL DEFAULT 'TARGET_MISSED'
        CHECK (kind IN ('TARGET_MISSED', 'TARGET_AT_RISK', 'ACTUAL_OVERDUE')),
    ADD COLUMN severity text NOT NULL DEFAULT 'critical' CHECK (severity IN ('critical', 'warning', 'info')),
    ADD COLUMN fingerprint text,
    ADD COLUMN summary_zh text,
    ADD COLUMN summary_en text,
    ADD COLUMN projection jsonb,
    -- True when the last change happened under a silence and was not published.
    ADD COLUMN silenced boolean NOT NULL DEFAULT false,
    -- The state last queued for the topics: what subscribers believe. Null until first published.
    ADD COLUMN published_state text CHECK (published_state IN ('FIRING', 'RESOLVED')),
    -- When a resolved alert's tombstone was queued for the compacted topic.
    ADD COLUMN expired_at timestamptz;
ALTER TABLE alert ALTER COLUMN target_comparator DROP NOT NULL;
ALTER TABLE alert ALTER COLUMN target_value DROP NOT NULL;

-- Alerts raised before kinds existed were all target misses, and all published.
UPDATE alert SET fingerprint = substr(encode(sha256(convert_to('TARGET_MISSED|' || region || '|' || indicator || '|' || year, 'UTF8')), 'hex'), 1, 16),
    published_state = state, summary_zh = '', summary_en = '';
ALTER TABLE alert ALTER COLUMN fingerprint SET NOT NULL;
ALTER TABLE alert ALTER COLUMN summary_zh SET NOT NULL;
ALTER TABLE alert ALTER COLUMN summary_en SET NOT NULL;
ALTER TABLE alert ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE alert ALTER COLUMN severity DROP DEFAULT;

DROP INDEX alert_one_firing_per_series;
-- One firing alert per kind and series at most.
CREATE UNIQUE INDEX alert_one_firing_per_fingerprint ON alert (fingerprint) WHERE state = 'FIRING';
CREATE INDEX alert_by_series ON alert (region, indicator, year) WHERE state = 'FIRING';
DROP INDEX alert_by_state;
CREATE INDEX alert_by_state ON alert (state, starts_at DESC);
CREATE INDEX alert_silenced ON alert (alert_id) WHERE silenced;
CREATE INDEX alert_to_expire ON alert (ends_at) WHERE state = 'RESOLVED' AND expired_at IS NULL;

-- Which topic a queued message goes to: 'changes' (every change, key series) or 'current' (compacted,
-- key fingerprint). A tombstone has no payload and no type.
ALTER TABLE alert_outbox ADD COLUMN topic text NOT NULL DEFAULT 'changes' CHECK (topic IN ('changes', 'current'));
ALTER TABLE alert_outbox ALTER COLUMN topic DROP DEFAULT;
ALTER TABLE alert_outbox ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE alert_outbox ALTER COLUMN event_type DROP NOT NULL;
ALTER TABLE alert_outbox DROP CONSTRAINT alert_outbox_event_id_key;
ALTER TABLE alert_outbox ADD CONSTRAINT alert_outbox_one_per_topic UNIQUE (topic, event_id);

-- Series with a target and no actual: what the at-risk and overdue rules look at.
CREATE INDEX series_awaiting_actual ON series (region, indicator, year)
    WHERE target_event_id IS NOT NULL AND actual_event_id IS NULL;

CREATE TABLE silence (
    silence_id  uuid PRIMARY KEY,
    matchers    jsonb       NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    comment     text        NOT NULL,
    created_by  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);

CREATE INDEX silence_by_end ON silence (ends_at);
