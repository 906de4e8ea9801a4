-- Evaluations (考核评估): one row per (hospital, period, unit type, version), with the scheme it used copied in,
-- and every unit's scorecard with its indicator lines. hospital_id is part of every key (docs/adr/0002).

CREATE TABLE evaluation (
    hospital_id     bigint       NOT NULL REFERENCES hospital (id),
    id              bigint GENERATED ALWAYS AS IDENTITY,
    -- 2026-09, 2026-Q3, 2026-H2 or 2026
    period          varchar(7)   NOT NULL,
    period_start    date         NOT NULL,
    period_end      date         NOT NULL,
    unit_type       varchar(32)  NOT NULL CHECK (unit_type IN ('EXAM_CENTER', 'COMMUNITY_HEALTH',
                                                  'REFERRAL_INSTITUTION', 'HEALTH_PLATFORM', 'ALLIANCE_MEMBER', 'OTHER')),
    version         integer      NOT NULL CHECK (version >= 1),
    status          varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    scheme_version  integer      NOT NULL,
    -- the scheme exactly as used: indicators with their definitions, weights, rules and tier thresholds
    scheme          jsonb        NOT NULL,
    ran_at          timestamptz  NOT NULL,
    ran_by          varchar(64)  NOT NULL,
    published_at    timestamptz,
    published_by    varchar(64),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, period, unit_type, version),
    CHECK (period_end >= period_start),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL AND published_by IS NOT NULL))
);
-- at most one draft per (period, unit type): re-running replaces its content
CREATE UNIQUE INDEX evaluation_one_draft ON evaluation (hospital_id, period, unit_type) WHERE status = 'DRAFT';

CREATE TABLE evaluation_scorecard (
    hospital_id     bigint        NOT NULL,
    evaluation_id   bigint        NOT NULL,
    channel_id      bigint        NOT NULL,
    -- code, name and region as they were when the evaluation ran
    channel_code    varchar(32)   NOT NULL,
    channel_name    varchar(100)  NOT NULL,
    region          varchar(160),
    total           numeric,
    coverage        numeric       NOT NULL,
    rank            integer       CHECK (rank >= 1),
    tier            varchar(16)   NOT NULL,
    position        integer       NOT NULL,
    PRIMARY KEY (hospital_id, evaluation_id, channel_id),
    FOREIGN KEY (hospital_id, evaluation_id) REFERENCES evaluation (hospital_id, id) ON DELETE CASCADE,
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id),
    CHECK ((total IS NULL) = (rank IS NULL))
);
CREATE INDEX evaluation_scorecard_channel_idx ON evaluation_scorecard (hospital_id, channel_id);

CREATE TABLE evaluation_indicator (
    hospital_id     bigint        NOT NULL,
    evaluation_id   bigint        NOT NULL,
    channel_id      bigint        NOT NULL,
    code            varchar(40)   NOT NULL,
    position        integer       NOT NULL,
    value           numeric,
    score           numeric,
    weight          numeric       NOT NULL,
    contribution    numeric,
    peer_median     numeric,
    -- formula, measure inputs, substituted calculation and the scoring rule applied
    explanation     jsonb         NOT NULL,
    PRIMARY KEY (hospital_id, evaluation_id, channel_id, code),
    FOREIGN KEY (hospital_id, evaluation_id, channel_id)
        REFERENCES evaluation_scorecard (hospital_id, evaluation_id, channel_id) ON DELETE CASCADE,
    CHECK ((value IS NULL) = (score IS NULL))
);
