-- Records that could never be applied, as sent to the dead-letter topic: kept here too so that an
-- operator can see them through the API without a Kafka client. One row per source record.
CREATE TABLE dead_letter (
    id               bigserial PRIMARY KEY,
    source_topic     text        NOT NULL,
    source_partition integer     NOT NULL,
    source_offset    bigint      NOT NULL,
    message_key      text,
    event_id         text,
    reason           text        NOT NULL,
    exception        text        NOT NULL,
    payload          bytea,
    received_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source_topic, source_partition, source_offset)
);
