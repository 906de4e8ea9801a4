-- Feedback reports for departments and institutions too (docs/feedback.md): a report's channel_id now holds the id
-- of the evaluated unit in the registry of its evaluation's unit kind (a channel's id for channel types, a unit's
-- id, table unit, for department and institution types), as evaluation_scorecard's does; so it can no longer
-- reference channel. unit_type tells which registry.
ALTER TABLE feedback_report DROP CONSTRAINT feedback_report_hospital_id_channel_id_fkey;

-- Suggestion rules per quadrant of the performance–brand matrix (象限建议规则): one text per hospital and quadrant,
-- quoted first among the suggestions of a report whose unit was placed in that quadrant. Seeded with defaults the
-- first time they are read; never deleted, only disabled.
CREATE TABLE feedback_quadrant_rule (
    hospital_id  bigint        NOT NULL REFERENCES hospital (id),
    quadrant     varchar(20)   NOT NULL CHECK (quadrant IN ('STAR', 'UNDER_RECOGNISED', 'BRAND_AT_RISK', 'WEAK')),
    text_zh      varchar(500)  NOT NULL,
    text_en      varchar(500)  NOT NULL,
    enabled      boolean       NOT NULL DEFAULT true,
    updated_at   timestamptz   NOT NULL,
    updated_by   varchar(64)   NOT NULL,
    PRIMARY KEY (hospital_id, quadrant)
);
