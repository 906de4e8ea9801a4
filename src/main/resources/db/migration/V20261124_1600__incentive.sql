-- Incentives: versioned, effective-dated rules with their compliance sign-off, and statements with
-- append-only lines. hospital_id is in every primary key, unique constraint and foreign key (adr/0002).

CREATE TABLE incentive_rule (
    hospital_id            bigint       NOT NULL REFERENCES hospital (id),
    id                     bigint GENERATED ALWAYS AS IDENTITY,
    code                   varchar(64)  NOT NULL,
    version                integer      NOT NULL CHECK (version >= 1),
    name                   varchar(200) NOT NULL,
    rule_type              varchar(16)  NOT NULL CHECK (rule_type IN ('FEE', 'AWARD', 'PRIORITY', 'SANCTION')),
    unit_type              varchar(32),
    valid_from             date         NOT NULL,
    valid_to               date,
    definition             jsonb        NOT NULL,
    compliance_status      varchar(32)  NOT NULL
        CHECK (compliance_status IN ('NOT_REQUIRED', 'COMPLIANCE_REVIEW_REQUIRED', 'SIGNED_OFF')),
    compliance_reason      text,
    signed_off_by          varchar(64),
    signed_off_at          timestamptz,
    sign_off_justification text,
    created_by             varchar(64)  NOT NULL,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, code, version),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    -- a sign-off is complete (who, when, why) exactly when the status says so
    CHECK ((compliance_status = 'SIGNED_OFF') = (signed_off_by IS NOT NULL AND signed_off_at IS NOT NULL
                                                  AND sign_off_justification IS NOT NULL))
);

CREATE TABLE incentive_statement (
    hospital_id   bigint      NOT NULL REFERENCES hospital (id),
    id            bigint GENERATED ALWAYS AS IDENTITY,
    channel_code  varchar(64) NOT NULL,
    unit_type     varchar(32) NOT NULL,
    period        varchar(8)  NOT NULL,
    sequence      integer     NOT NULL DEFAULT 1 CHECK (sequence >= 1),
    corrects_id   bigint,
    -- the channel's evaluation result the lines were computed from
    tier          varchar(16) NOT NULL,
    total         numeric,
    rank          integer,
    measures      jsonb       NOT NULL DEFAULT '{}',
    status        varchar(16) NOT NULL CHECK (status IN ('DRAFT', 'REVIEWED', 'APPROVED', 'PAID')),
    prepared_by   varchar(64) NOT NULL,
    prepared_at   timestamptz NOT NULL,
    reviewed_by   varchar(64),
    reviewed_at   timestamptz,
    approved_by   varchar(64),
    approved_at   timestamptz,
    paid_by       varchar(64),
    paid_at       timestamptz,
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, channel_code, period, sequence),
    FOREIGN KEY (hospital_id, corrects_id) REFERENCES incentive_statement (hospital_id, id),
    -- four eyes, kept by the database as well
    CHECK (reviewed_by IS NULL OR reviewed_by <> prepared_by),
    CHECK (approved_by IS NULL OR approved_by <> prepared_by),
    CHECK ((sequence = 1) = (corrects_id IS NULL))
);

-- Lines are append-only: never updated or deleted, and added only while the statement is a DRAFT.
-- A statement's total is never stored: it is the sum of its lines.
CREATE TABLE incentive_statement_line (
    hospital_id  bigint         NOT NULL,
    statement_id bigint         NOT NULL,
    line_no      integer        NOT NULL,
    rule_type    varchar(16)    NOT NULL CHECK (rule_type IN ('FEE', 'AWARD', 'PRIORITY', 'ADJUSTMENT')),
    rule_code    varchar(64),
    rule_version integer,
    basis        numeric,
    basis_label  varchar(32),
    rate         numeric,
    amount       numeric(14, 2) NOT NULL,
    quantity     integer,
    benefit      varchar(200),
    explanation  jsonb          NOT NULL DEFAULT '[]',
    reason       varchar(500),
    created_by   varchar(64)    NOT NULL,
    created_at   timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (hospital_id, statement_id, line_no),
    FOREIGN KEY (hospital_id, statement_id) REFERENCES incentive_statement (hospital_id, id),
    CHECK ((rule_type = 'ADJUSTMENT') = (reason IS NOT NULL))
);

CREATE FUNCTION incentive_statement_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'statement lines are never changed or deleted; add an adjustment line instead';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM incentive_statement s
                   WHERE s.hospital_id = NEW.hospital_id AND s.id = NEW.statement_id AND s.status = 'DRAFT') THEN
        RAISE EXCEPTION 'lines are added only to a DRAFT statement';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER incentive_statement_line_guard
    BEFORE INSERT OR UPDATE OR DELETE ON incentive_statement_line
    FOR EACH ROW EXECUTE FUNCTION incentive_statement_line_guard();
