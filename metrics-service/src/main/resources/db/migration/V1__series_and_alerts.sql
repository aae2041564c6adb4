-- Every figure ever received, once: the event id is the idempotency key, so a redelivered event
-- changes nothing. The series state below is derived from these rows.
CREATE TABLE figure_event (
    event_id          uuid PRIMARY KEY,
    region            text        NOT NULL,
    indicator         text        NOT NULL,
    year              integer     NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('target', 'actual')),
    comparator        text        NOT NULL CHECK (comparator IN ('eq', 'gt', 'gte', 'approx', 'lt', 'lte')),
    value             numeric     NOT NULL,
    unit              text        NOT NULL,
    status            text        CHECK (status IN ('estimate', 'preliminary', 'final')),
    source_title      text,
    source_url        text,
    source_publisher  text,
    published_at      timestamptz,
    sentence          text,
    reported_at       timestamptz NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now(),
    kafka_partition   integer,
    kafka_offset      bigint
);

CREATE INDEX figure_event_series ON figure_event (region, indicator, year, kind);

-- The latest state of each series: which target and which actual are current, and how they compare.
CREATE TABLE series (
    region            text        NOT NULL,
    indicator         text        NOT NULL,
    year              integer     NOT NULL,
    unit              text        NOT NULL,
    target_event_id   uuid REFERENCES figure_event (event_id),
    actual_event_id   uuid REFERENCES figure_event (event_id),
    verdict           text        NOT NULL DEFAULT 'PENDING' CHECK (verdict IN ('PENDING', 'MET', 'MISSED')),
    shortfall         numeric,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (region, indicator, year)
);

CREATE TABLE alert (
    alert_id           uuid PRIMARY KEY,
    region             text        NOT NULL,
    indicator          text        NOT NULL,
    year               integer     NOT NULL,
    state              text        NOT NULL CHECK (state IN ('FIRING', 'RESOLVED')),
    target_comparator  text        NOT NULL,
    target_value       numeric     NOT NULL,
    actual_value       numeric,
    shortfall          numeric,
    unit               text        NOT NULL,
    first_raised_at    timestamptz NOT NULL,
    resolved_at        timestamptz,
    updated_at         timestamptz NOT NULL
);

-- One firing alert per series at most: the same miss reported twice cannot raise two.
CREATE UNIQUE INDEX alert_one_firing_per_series ON alert (region, indicator, year) WHERE state = 'FIRING';
CREATE INDEX alert_by_state ON alert (state, first_raised_at DESC);

-- Alert state changes waiting to be published, written in the same transaction as the change itself,
-- so a change and its message cannot drift apart (transactional outbox).
CREATE TABLE alert_outbox (
    id            bigserial PRIMARY KEY,
    alert_id      uuid        NOT NULL REFERENCES alert (alert_id),
    event_id      text        NOT NULL UNIQUE,
    event_type    text        NOT NULL,
    message_key   text        NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);

CREATE INDEX alert_outbox_pending ON alert_outbox (id) WHERE published_at IS NULL;
