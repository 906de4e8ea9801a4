-- Feedback reports (评估反馈报告): one per channel of a published evaluation, its content frozen as JSON when it
-- is generated, with its delivery status; and the per-hospital suggestion rules (改进建议规则).

CREATE TABLE feedback_report (
    hospital_id      bigint       NOT NULL REFERENCES hospital (id),
    id               bigint GENERATED ALWAYS AS IDENTITY,
    evaluation_id    bigint       NOT NULL,
    channel_id       bigint       NOT NULL,
    channel_code     varchar(64)  NOT NULL,
    channel_name     varchar(200) NOT NULL,
    period           varchar(7)   NOT NULL,
    unit_type        varchar(32)  NOT NULL,
    version          integer      NOT NULL,
    -- the report as generated: figures, indicator lines, trend, strengths, weaknesses, suggestions (both languages)
    content          jsonb        NOT NULL,
    generated_at     timestamptz  NOT NULL,
    viewed_at        timestamptz,
    viewed_by        varchar(64),
    acknowledged_at  timestamptz,
    acknowledged_by  varchar(64),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, evaluation_id, channel_id),
    FOREIGN KEY (hospital_id, evaluation_id) REFERENCES evaluation (hospital_id, id),
    FOREIGN KEY (hospital_id, channel_id) REFERENCES channel (hospital_id, id),
    CHECK ((viewed_at IS NULL) = (viewed_by IS NULL)),
    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE INDEX feedback_report_channel ON feedback_report (hospital_id, channel_id, generated_at DESC);

CREATE TABLE feedback_rule (
    hospital_id      bigint        NOT NULL REFERENCES hospital (id),
    id               bigint GENERATED ALWAYS AS IDENTITY,
    indicator_code   varchar(40)   NOT NULL,
    -- the rule applies when the indicator's score is strictly below this threshold (0 < threshold <= 100)
    below            numeric(6, 2) NOT NULL CHECK (below > 0 AND below <= 100),
    text_zh          varchar(500)  NOT NULL,
    text_en          varchar(500)  NOT NULL,
    enabled          boolean       NOT NULL DEFAULT true,
    updated_at       timestamptz   NOT NULL,
    updated_by       varchar(64)   NOT NULL,
    PRIMARY KEY (hospital_id, id)
);

-- hospitals whose default rules were seeded once (so that disabling every rule never brings them back)
CREATE TABLE feedback_rule_seeded (
    hospital_id      bigint       NOT NULL PRIMARY KEY REFERENCES hospital (id)
);
