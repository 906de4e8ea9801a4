-- Incentives wired to published evaluations and the channel register:
-- * a statement remembers the evaluation (id, version) it was drafted from;
-- * a draft of an older evaluation version is SUPERSEDED (kept, read-only); the draft of the new one names it,
--   so (channel, period, sequence) is unique only among statements that are not superseded;
-- * a statement drafted by the system on publication needs a reviewer and an approver who differ;
-- * sanctions (warning, probation, termination recommendation) computed from the tier history.

ALTER TABLE incentive_statement
    ADD COLUMN evaluation_id      bigint,
    ADD COLUMN evaluation_version integer,
    ADD COLUMN replaces_id        bigint,
    ADD COLUMN superseded_at      timestamptz;

ALTER TABLE incentive_statement DROP CONSTRAINT incentive_statement_status_check;
ALTER TABLE incentive_statement ADD CONSTRAINT incentive_statement_status_check
    CHECK (status IN ('DRAFT', 'REVIEWED', 'APPROVED', 'PAID', 'SUPERSEDED'));
ALTER TABLE incentive_statement ADD CONSTRAINT incentive_statement_superseded_check
    CHECK ((status = 'SUPERSEDED') = (superseded_at IS NOT NULL));
-- the draft that took a superseded draft's place names it (a new version giving nothing replaces it by none)
ALTER TABLE incentive_statement ADD CONSTRAINT incentive_statement_replaces_fk
    FOREIGN KEY (hospital_id, replaces_id) REFERENCES incentive_statement (hospital_id, id);
ALTER TABLE incentive_statement ADD CONSTRAINT incentive_statement_source_check
    CHECK ((evaluation_id IS NULL) = (evaluation_version IS NULL));
-- four eyes when nobody prepared it: the system drafts, two different people review and approve
ALTER TABLE incentive_statement ADD CONSTRAINT incentive_statement_system_four_eyes_check
    CHECK (prepared_by <> 'system' OR approved_by IS NULL OR approved_by <> reviewed_by);

DO $$
DECLARE
    name text;
BEGIN
    SELECT c.conname INTO name FROM pg_constraint c
    WHERE c.conrelid = 'incentive_statement'::regclass AND c.contype = 'u';
    EXECUTE format('ALTER TABLE incentive_statement DROP CONSTRAINT %I', name);
END
$$;

CREATE UNIQUE INDEX incentive_statement_current_key ON incentive_statement (hospital_id, channel_code, period, sequence)
    WHERE status <> 'SUPERSEDED';
CREATE INDEX incentive_statement_evaluation_idx ON incentive_statement (hospital_id, evaluation_id);

-- Only a DRAFT is superseded, and a superseded statement never changes again.
CREATE FUNCTION incentive_statement_superseded_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'SUPERSEDED' THEN
        RAISE EXCEPTION 'a superseded statement is never changed';
    END IF;
    IF NEW.status = 'SUPERSEDED' AND OLD.status <> 'DRAFT' THEN
        RAISE EXCEPTION 'only a DRAFT statement is superseded; a % statement is corrected by adjustment lines',
            OLD.status;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER incentive_statement_superseded_guard
    BEFORE UPDATE ON incentive_statement
    FOR EACH ROW EXECUTE FUNCTION incentive_statement_superseded_guard();

CREATE TABLE incentive_sanction (
    hospital_id        bigint       NOT NULL REFERENCES hospital (id),
    id                 bigint GENERATED ALWAYS AS IDENTITY,
    channel_code       varchar(64)  NOT NULL,
    unit_type          varchar(32)  NOT NULL,
    period             varchar(8)   NOT NULL,
    evaluation_id      bigint       NOT NULL,
    evaluation_version integer      NOT NULL,
    rule_code          varchar(64)  NOT NULL,
    rule_version       integer      NOT NULL,
    lowest_tier        varchar(16)  NOT NULL,
    level              varchar(32)  NOT NULL CHECK (level IN ('WARNING', 'PROBATION', 'TERMINATION_RECOMMENDED')),
    streak             integer      NOT NULL CHECK (streak >= 1),
    -- NOTED: a warning, recorded; APPLIED: probation set through the channel lifecycle;
    -- UNCHANGED: nothing to do (already on probation, or the lifecycle does not allow it; see outcome);
    -- PENDING: a termination recommendation waiting for a hospital manager; TERMINATED / DECLINED: decided;
    -- SUPERSEDED: a pending recommendation of an older evaluation version
    status             varchar(16)  NOT NULL
        CHECK (status IN ('NOTED', 'APPLIED', 'UNCHANGED', 'PENDING', 'TERMINATED', 'DECLINED', 'SUPERSEDED')),
    outcome            varchar(500),
    decided_by         varchar(64),
    decided_at         timestamptz,
    decision_note      varchar(500),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, evaluation_id, channel_code),
    CHECK ((status IN ('TERMINATED', 'DECLINED')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL))
);
