-- Units beyond channels (科室与机构), the hospital's own statistic measures (统计指标项) and the monthly statistics
-- reported for units, with every restatement kept. hospital_id is part of every key (docs/adr/0002).

-- unit: departments of the hospital and institutions of its region. A department may sit under a parent
-- department (病区/亚专科 under 科室); level (e.g. 三级甲等) and district belong to institutions.
CREATE TABLE unit (
    hospital_id  bigint        NOT NULL REFERENCES hospital (id),
    id           bigint GENERATED ALWAYS AS IDENTITY,
    code         varchar(32)   NOT NULL,
    name         varchar(100)  NOT NULL,
    kind         varchar(16)   NOT NULL CHECK (kind IN ('DEPARTMENT', 'INSTITUTION')),
    type         varchar(32)   NOT NULL,
    status       varchar(16)   NOT NULL CHECK (status IN ('PROSPECT', 'PILOT', 'ACTIVE', 'PROBATION', 'TERMINATED')),
    parent_id    bigint,
    head         varchar(50),
    open_beds    integer       CHECK (open_beds BETWEEN 0 AND 100000),
    level        varchar(32),
    district     varchar(100),
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, code),
    FOREIGN KEY (hospital_id, parent_id) REFERENCES unit (hospital_id, id),
    CHECK (kind = 'DEPARTMENT' AND type IN ('CLINICAL', 'MEDICAL_TECHNOLOGY', 'ADMINISTRATIVE')
        OR kind = 'INSTITUTION' AND type IN ('TERTIARY_HOSPITAL', 'SECONDARY_HOSPITAL', 'PRIMARY_CARE'))
);
CREATE INDEX unit_kind_type_idx ON unit (hospital_id, kind, type);

-- indicator: a statistic measure the hospital defines beside the built-in event measures; its code is what
-- formulas name. aggregation says how the months of a period make one value.
CREATE TABLE statistic_measure (
    hospital_id  bigint        NOT NULL REFERENCES hospital (id),
    code         varchar(40)   NOT NULL,
    name_zh      varchar(100)  NOT NULL,
    name_en      varchar(100),
    unit         varchar(20)   NOT NULL,
    aggregation  varchar(8)    NOT NULL CHECK (aggregation IN ('SUM', 'AVERAGE', 'LAST')),
    created_at   timestamptz   NOT NULL DEFAULT now(),
    created_by   varchar(64)   NOT NULL,
    PRIMARY KEY (hospital_id, code)
);

-- intake: one value per (unit, month, measure), the latest reported. unit_id names a unit of the unit
-- module and measure a statistic measure of the indicator module; modules keep their own tables, so there are
-- no foreign keys across them (the facades check both on intake).
CREATE TABLE statistic (
    hospital_id  bigint        NOT NULL REFERENCES hospital (id),
    unit_id      bigint        NOT NULL,
    measure      varchar(40)   NOT NULL,
    -- the first day of the month
    month        date          NOT NULL CHECK (extract(day FROM month) = 1),
    value        numeric       NOT NULL,
    reported_at  timestamptz   NOT NULL,
    reported_by  varchar(64)   NOT NULL,
    PRIMARY KEY (hospital_id, unit_id, measure, month)
);

-- intake: every restatement (更正) of a statistic: the value it replaced, the new one, who, when and why.
CREATE TABLE statistic_restatement (
    hospital_id  bigint        NOT NULL REFERENCES hospital (id),
    id           bigint GENERATED ALWAYS AS IDENTITY,
    unit_id      bigint        NOT NULL,
    measure      varchar(40)   NOT NULL,
    month        date          NOT NULL,
    old_value    numeric       NOT NULL,
    new_value    numeric       NOT NULL,
    reason       varchar(500),
    restated_at  timestamptz   NOT NULL,
    restated_by  varchar(64)   NOT NULL,
    PRIMARY KEY (hospital_id, id)
);
CREATE INDEX statistic_restatement_unit_idx ON statistic_restatement (hospital_id, unit_id, restated_at DESC);

-- intake: the hospital's rules for statistics; a hospital without a row does not require reasons.
CREATE TABLE statistic_setting (
    hospital_id              bigint   NOT NULL REFERENCES hospital (id),
    restatement_needs_reason boolean  NOT NULL,
    PRIMARY KEY (hospital_id)
);

-- evaluations are made for every unit type now, not only the channel types.
ALTER TABLE evaluation DROP CONSTRAINT evaluation_unit_type_check;
