-- Intake: events (engine.md §2), their daily rollups per channel (one column per measure of §3) and
-- import reports. hospital_id is part of every key (docs/adr/0002). channel_id refers to the channel
-- module's channel; there is no foreign key across modules (modules talk through facades).

CREATE TABLE intake_import (
    hospital_id    bigint       NOT NULL REFERENCES hospital (id),
    id             bigint GENERATED ALWAYS AS IDENTITY,
    file_name      varchar(255) NOT NULL,
    format         varchar(8)   NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    uploaded_by    varchar(64)  NOT NULL,
    started_at     timestamptz  NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    status         varchar(16)  NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    rows_read      integer      NOT NULL DEFAULT 0,
    accepted       integer      NOT NULL DEFAULT 0,
    duplicates     integer      NOT NULL DEFAULT 0,
    rejected_count integer      NOT NULL DEFAULT 0,
    rejected       jsonb        NOT NULL DEFAULT '[]',
    failure        varchar(1000),
    PRIMARY KEY (hospital_id, id)
);

CREATE TABLE intake_event (
    hospital_id  bigint        NOT NULL REFERENCES hospital (id),
    id           bigint GENERATED ALWAYS AS IDENTITY,
    event_id     varchar(128)  NOT NULL,
    type         varchar(16)   NOT NULL CHECK (type IN ('REFERRAL', 'ACCEPTED', 'ARRIVED', 'CONVERTED', 'REVENUE',
                                                        'SURVEY', 'COMPLAINT', 'RETURN_VISIT', 'FEEDBACK')),
    channel_id   bigint        NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    -- the local date in the hospital's time zone at ingestion, which the rollups use
    local_date   date          NOT NULL,
    referral_id  varchar(128),
    -- HMAC-SHA-256 of the source's patient id under the deployment's key; never the clear id
    patient_hash char(64),
    value        numeric,
    attributes   jsonb         NOT NULL DEFAULT '{}',
    source       varchar(8)    NOT NULL CHECK (source IN ('API', 'CSV', 'XLSX', 'FHIR')),
    import_id    bigint,
    received_at  timestamptz   NOT NULL DEFAULT now(),
    received_by  varchar(64)   NOT NULL,
    voided_at    timestamptz,
    voided_by    varchar(64),
    void_reason  varchar(500),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, event_id),
    FOREIGN KEY (hospital_id, import_id) REFERENCES intake_import (hospital_id, id),
    CHECK ((voided_at IS NULL) = (voided_by IS NULL) AND (voided_at IS NULL) = (void_reason IS NULL))
);
-- at most one live REFERRAL and one live ACCEPTED per referralId (engine.md §2)
CREATE UNIQUE INDEX intake_event_live_pair_uk ON intake_event (hospital_id, referral_id, type)
    WHERE voided_at IS NULL AND type IN ('REFERRAL', 'ACCEPTED');
CREATE INDEX intake_event_channel_date_idx ON intake_event (hospital_id, channel_id, local_date);

-- Exact per-day sums of every measure, kept in the transaction that accepts or voids events.
CREATE TABLE intake_daily_rollup (
    hospital_id        bigint  NOT NULL REFERENCES hospital (id),
    channel_id         bigint  NOT NULL,
    local_date         date    NOT NULL,
    referrals          numeric NOT NULL DEFAULT 0,
    accepted           numeric NOT NULL DEFAULT 0,
    arrivals           numeric NOT NULL DEFAULT 0,
    conversions        numeric NOT NULL DEFAULT 0,
    revenue            numeric NOT NULL DEFAULT 0,
    survey_count       numeric NOT NULL DEFAULT 0,
    survey_sum         numeric NOT NULL DEFAULT 0,
    satisfied          numeric NOT NULL DEFAULT 0,
    nps_count          numeric NOT NULL DEFAULT 0,
    promoters          numeric NOT NULL DEFAULT 0,
    detractors         numeric NOT NULL DEFAULT 0,
    complaints         numeric NOT NULL DEFAULT 0,
    return_visits      numeric NOT NULL DEFAULT 0,
    feedbacks          numeric NOT NULL DEFAULT 0,
    response_count     numeric NOT NULL DEFAULT 0,
    response_hours_sum numeric NOT NULL DEFAULT 0,
    PRIMARY KEY (hospital_id, channel_id, local_date)
);
CREATE INDEX intake_daily_rollup_date_idx ON intake_daily_rollup (hospital_id, local_date);
