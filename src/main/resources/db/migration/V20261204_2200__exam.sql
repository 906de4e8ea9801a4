-- exam: mutual recognition of examination results (检查检验结果互认, docs/exams.md). Region-wide data: every
-- table is keyed by region_id (docs/adr/0002, "The region above the hospital"), and the rows a hospital submits
-- also carry that hospital_id.
--
-- Distribution on Citus (planned, docs/exams.md): exam_record is matched across hospitals by pseudonymised
-- patient, so it is distributed by `patient` (every key and index starts with (region_id, patient) or contains
-- patient); the detection of one patient x item then reads one shard. A unique constraint on a distributed table
-- must contain its distribution column, so "recordId unique per region" lives in exam_record_key, distributed by
-- record_id. exam_item, exam_exception_reason, alliance and alliance_member are small and read by every batch:
-- reference tables.

-- The item catalogue per region (互认项目目录): validity in days (a result is recognised for valid_days x 24 h),
-- scope (ALLIANCE: among institutions sharing an alliance; REGION: across the region) and price in CNY (what a
-- repeat costs). example = true marks the rows seeded below as an example, not a rule of any authority.
CREATE TABLE exam_item (
    region_id   bigint         NOT NULL REFERENCES region (id),
    code        varchar(32)    NOT NULL,
    name        varchar(100)   NOT NULL,
    category    varchar(16)    NOT NULL CHECK (category IN ('EXAMINATION', 'LABORATORY')),
    valid_days  integer        NOT NULL CHECK (valid_days BETWEEN 1 AND 36500),
    scope       varchar(16)    NOT NULL CHECK (scope IN ('ALLIANCE', 'REGION')),
    price       numeric(12, 2) NOT NULL CHECK (price >= 0),
    example     boolean        NOT NULL DEFAULT false,
    updated_at  timestamptz    NOT NULL DEFAULT now(),
    updated_by  varchar(64)    NOT NULL,
    PRIMARY KEY (region_id, code)
);

-- An example catalogue for the first region, labelled as such (example = true, and the names say 示例): the items
-- and their numbers illustrate the fields, they are not a published list.
INSERT INTO exam_item (region_id, code, name, category, valid_days, scope, price, example, updated_by) VALUES
    (1, 'EX-CBC',   '示例：血常规',       'LABORATORY',  7,   'REGION',   20.00,  true, 'system:exam-example'),
    (1, 'EX-LIVER', '示例：肝功能',       'LABORATORY',  14,  'REGION',   60.00,  true, 'system:exam-example'),
    (1, 'EX-HBA1C', '示例：糖化血红蛋白', 'LABORATORY',  30,  'ALLIANCE', 70.00,  true, 'system:exam-example'),
    (1, 'EX-CHEST-CT', '示例：胸部 CT 平扫', 'EXAMINATION', 30, 'REGION', 260.00, true, 'system:exam-example'),
    (1, 'EX-ABD-US', '示例：腹部超声',    'EXAMINATION', 30,  'ALLIANCE', 120.00, true, 'system:exam-example');

-- The region's exception reasons (不予互认的理由): a record carrying one is neither a repeat nor a same-institution
-- repeat. A region without rows uses the five defaults, which are written here on its first batch.
CREATE TABLE exam_exception_reason (
    region_id  bigint        NOT NULL REFERENCES region (id),
    code       varchar(32)   NOT NULL,
    name_zh    varchar(100)  NOT NULL,
    name_en    varchar(100)  NOT NULL,
    PRIMARY KEY (region_id, code)
);

-- Alliances (医联体/医共体) of the region's institutions, with a lead among the members. An institution is the
-- hospital itself (institution_id = 0) or an INSTITUTION unit registered by that hospital (institution_id = unit id).
CREATE TABLE alliance (
    region_id   bigint        NOT NULL REFERENCES region (id),
    id          bigint GENERATED ALWAYS AS IDENTITY,
    code        varchar(32)   NOT NULL,
    name        varchar(100)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    created_by  varchar(64)   NOT NULL,
    PRIMARY KEY (region_id, id),
    UNIQUE (region_id, code)
);
CREATE TABLE alliance_member (
    region_id       bigint   NOT NULL,
    alliance_id     bigint   NOT NULL,
    hospital_id     bigint   NOT NULL REFERENCES hospital (id),
    institution_id  bigint   NOT NULL CHECK (institution_id >= 0),
    lead            boolean  NOT NULL,
    PRIMARY KEY (region_id, alliance_id, hospital_id, institution_id),
    FOREIGN KEY (region_id, alliance_id) REFERENCES alliance (region_id, id)
);
CREATE UNIQUE INDEX alliance_one_lead ON alliance_member (region_id, alliance_id) WHERE lead;

-- An exam record: the institution that performed it (as for alliance members), the pseudonymised patient
-- (HMAC-SHA-256 under the region's key, never the clear id), the item code (possibly not in the catalogue: stored,
-- not counted), the instant and the month (first day, in the submitting hospital's zone). outcome is the detection
-- of docs/exams.md, kept up to date for every record of a patient x item whenever one of them arrives:
-- NONE, REPEAT or SAME_INSTITUTION; earlier_id the latest earlier record that made it so.
CREATE TABLE exam_record (
    region_id       bigint        NOT NULL REFERENCES region (id),
    patient         char(64)      NOT NULL,
    id              bigint GENERATED ALWAYS AS IDENTITY,
    record_id       varchar(128)  NOT NULL,
    hospital_id     bigint        NOT NULL REFERENCES hospital (id),
    institution_id  bigint        NOT NULL CHECK (institution_id >= 0),
    item            varchar(32)   NOT NULL,
    performed_at    timestamptz   NOT NULL,
    month           date          NOT NULL CHECK (extract(day FROM month) = 1),
    recognisable    boolean       NOT NULL,
    exception       varchar(32),
    outcome         varchar(16)   NOT NULL DEFAULT 'NONE' CHECK (outcome IN ('NONE', 'REPEAT', 'SAME_INSTITUTION')),
    earlier_id      bigint,
    received_at     timestamptz   NOT NULL,
    received_by     varchar(64)   NOT NULL,
    PRIMARY KEY (region_id, patient, id)
);
CREATE INDEX exam_record_pair_idx ON exam_record (region_id, patient, item, performed_at);
CREATE INDEX exam_record_month_idx ON exam_record (region_id, month, hospital_id, institution_id, item);

-- recordId is unique per region: a re-send is a duplicate. Kept apart from exam_record so that the constraint
-- contains the distribution column on Citus (record_id here, patient there).
CREATE TABLE exam_record_key (
    region_id   bigint        NOT NULL REFERENCES region (id),
    record_id   varchar(128)  NOT NULL,
    patient     char(64)      NOT NULL,
    id          bigint        NOT NULL,
    PRIMARY KEY (region_id, record_id)
);
