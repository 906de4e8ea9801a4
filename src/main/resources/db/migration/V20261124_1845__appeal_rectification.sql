-- Appeals (申诉) against an indicator value of a published evaluation, their attachments and corrections, and
-- rectification plans (整改) with actions and follow-up notes. hospital_id is part of every key (docs/adr/0002).

CREATE TABLE appeal_setting (
    hospital_id     bigint   NOT NULL REFERENCES hospital (id),
    -- days after an evaluation's publication during which its scorecards may be appealed
    filing_days     integer  NOT NULL CHECK (filing_days BETWEEN 0 AND 365),
    -- days after filing by which the office should have decided
    review_days     integer  NOT NULL CHECK (review_days BETWEEN 1 AND 365),
    PRIMARY KEY (hospital_id)
);

CREATE TABLE appeal (
    hospital_id          bigint        NOT NULL,
    id                   bigint GENERATED ALWAYS AS IDENTITY,
    evaluation_id        bigint        NOT NULL,
    channel_id           bigint        NOT NULL,
    channel_code         varchar(32)   NOT NULL,
    channel_name         varchar(100)  NOT NULL,
    period               varchar(7)    NOT NULL,
    unit_type            varchar(32)   NOT NULL,
    evaluation_version   integer       NOT NULL,
    indicator            varchar(40)   NOT NULL,
    -- the contested value and score as published (null: the indicator had no data)
    contested_value      numeric,
    contested_score      numeric,
    statement            text          NOT NULL,
    status               varchar(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'UNDER_REVIEW', 'UPHELD', 'REJECTED')),
    filed_at             timestamptz   NOT NULL,
    filed_by             varchar(64)   NOT NULL,
    filing_deadline      timestamptz   NOT NULL,
    review_due           timestamptz   NOT NULL,
    review_started_at    timestamptz,
    review_started_by    varchar(64),
    decided_at           timestamptz,
    decided_by           varchar(64),
    decision_reason      text,
    -- the evaluation version that an upheld appeal's corrections were scored in
    corrected_evaluation_id bigint,
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, evaluation_id) REFERENCES evaluation (hospital_id, id),
    FOREIGN KEY (hospital_id, corrected_evaluation_id) REFERENCES evaluation (hospital_id, id),
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id),
    CHECK ((status IN ('UPHELD', 'REJECTED')) = (decided_at IS NOT NULL AND decision_reason IS NOT NULL)),
    CHECK ((status = 'SUBMITTED') = (review_started_at IS NULL)),
    CHECK ((status = 'UPHELD') = (corrected_evaluation_id IS NOT NULL))
);
CREATE INDEX appeal_channel_idx ON appeal (hospital_id, channel_id);
CREATE INDEX appeal_evaluation_idx ON appeal (hospital_id, evaluation_id);

CREATE TABLE appeal_attachment (
    hospital_id     bigint        NOT NULL,
    appeal_id       bigint        NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    file_name       varchar(200)  NOT NULL,
    content_type    varchar(100)  NOT NULL,
    size_bytes      integer       NOT NULL CHECK (size_bytes > 0),
    content         bytea         NOT NULL,
    uploaded_at     timestamptz   NOT NULL,
    uploaded_by     varchar(64)   NOT NULL,
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, appeal_id) REFERENCES appeal (hospital_id, id)
);
CREATE INDEX appeal_attachment_appeal_idx ON appeal_attachment (hospital_id, appeal_id);

-- what an upheld appeal corrected: a void of an event, or an event sent anew through intake
CREATE TABLE appeal_correction (
    hospital_id     bigint        NOT NULL,
    appeal_id       bigint        NOT NULL,
    position        integer       NOT NULL,
    kind            varchar(8)    NOT NULL CHECK (kind IN ('VOID', 'EVENT')),
    event_id        varchar(128)  NOT NULL,
    -- VOID: the reason given; EVENT: the event type
    note            text          NOT NULL,
    PRIMARY KEY (hospital_id, appeal_id, position),
    FOREIGN KEY (hospital_id, appeal_id) REFERENCES appeal (hospital_id, id)
);

CREATE TABLE rectification_plan (
    hospital_id     bigint        NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    channel_id      bigint        NOT NULL,
    channel_code    varchar(32)   NOT NULL,
    channel_name    varchar(100)  NOT NULL,
    evaluation_id   bigint        NOT NULL,
    period          varchar(7)    NOT NULL,
    unit_type       varchar(32)   NOT NULL,
    -- why the channel was eligible, e.g. "tier D; REFERRAL_VOLUME 42.5"
    grounds         text          NOT NULL,
    title           varchar(200)  NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    opened_at       timestamptz   NOT NULL,
    opened_by       varchar(64)   NOT NULL,
    closed_at       timestamptz,
    closed_by       varchar(64),
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, evaluation_id) REFERENCES evaluation (hospital_id, id),
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id),
    CHECK ((status IN ('DONE', 'CANCELLED')) = (closed_at IS NOT NULL))
);
-- one live plan per channel and evaluation
CREATE UNIQUE INDEX rectification_plan_live ON rectification_plan (hospital_id, channel_id, evaluation_id)
    WHERE status IN ('OPEN', 'IN_PROGRESS');

CREATE TABLE rectification_action (
    hospital_id     bigint        NOT NULL,
    plan_id         bigint        NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    description     varchar(500)  NOT NULL,
    owner           varchar(100)  NOT NULL,
    due_date        date          NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    done_at         timestamptz,
    done_by         varchar(64),
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, plan_id) REFERENCES rectification_plan (hospital_id, id),
    CHECK ((status = 'DONE') = (done_at IS NOT NULL))
);
CREATE INDEX rectification_action_due_idx ON rectification_action (hospital_id, due_date) WHERE status = 'OPEN';

-- follow-up notes: appended, never changed
CREATE TABLE rectification_note (
    hospital_id     bigint        NOT NULL,
    plan_id         bigint        NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    body            text          NOT NULL,
    written_at      timestamptz   NOT NULL,
    written_by      varchar(64)   NOT NULL,
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, plan_id) REFERENCES rectification_plan (hospital_id, id)
);
