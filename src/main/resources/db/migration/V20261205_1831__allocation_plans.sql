-- allocation: plans (资源配置方案) that share an amount of a resource (money to the fen, or whole beds, posts) among
-- the units of one or more department or institution types. A plan copies what it was computed from — each unit's
-- code, name, performance, brand index, efficiency and tier, the bounds applied and the amount of the last approved
-- plan it was paced against — so it never changes when evaluations are re-run or units renamed; approval by a second
-- person freezes it. hospital_id is part of every key (docs/adr/0002).
CREATE TABLE allocation_plan (
    hospital_id       bigint         NOT NULL REFERENCES hospital (id),
    id                bigint GENERATED ALWAYS AS IDENTITY,
    name              varchar(100)   NOT NULL,
    resource          varchar(100)   NOT NULL,
    resource_unit     varchar(8)     NOT NULL CHECK (resource_unit IN ('CNY', 'WHOLE')),
    amount            numeric(19, 2) NOT NULL CHECK (amount > 0),
    period            varchar(10)    NOT NULL,
    -- ["CLINICAL", ...]
    unit_types        jsonb          NOT NULL,
    rule              varchar(8)     NOT NULL CHECK (rule IN ('DRIVER', 'TIERS')),
    -- {performance, brand, efficiency, demand} for DRIVER; {tier: parts} for TIERS
    weights           jsonb          NOT NULL,
    -- {floor, cap, floors: {unit: amount}, caps: {unit: amount}} as the planner set them
    bounds            jsonb          NOT NULL,
    max_change        numeric(12, 6),
    previous_plan_id  bigint,
    -- where the driver came from: [{kind: EVALUATION | EFFICIENCY_RUN, id, unitType}]
    sources           jsonb          NOT NULL,
    status            varchar(16)    NOT NULL CHECK (status IN ('DRAFT', 'APPROVED')),
    drafted_at        timestamptz    NOT NULL,
    drafted_by        varchar(64)    NOT NULL,
    approved_at       timestamptz,
    approved_by       varchar(64),
    PRIMARY KEY (hospital_id, id),
    FOREIGN KEY (hospital_id, previous_plan_id) REFERENCES allocation_plan (hospital_id, id),
    CHECK (status = 'DRAFT' OR approved_by IS NOT NULL AND approved_by <> drafted_by)
);
CREATE INDEX allocation_plan_resource_idx ON allocation_plan (hospital_id, resource, status, id DESC);

-- allocation: one unit's share in a plan, in the plan's unit order (position, 0-based). driver is the unit's part of
-- the combined driver (the parts add up to 1); floor_amount and cap_amount the bounds applied (cap null: none);
-- bound says which one held its amount (FLOOR, CAP, PACE_FLOOR, PACE_CAP) or null.
CREATE TABLE allocation_share (
    hospital_id       bigint         NOT NULL,
    plan_id           bigint         NOT NULL,
    position          integer        NOT NULL,
    unit_id           bigint         NOT NULL,
    unit_code         varchar(32)    NOT NULL,
    unit_name         varchar(100)   NOT NULL,
    unit_type         varchar(32)    NOT NULL,
    tier              varchar(16),
    performance       numeric,
    brand             numeric,
    efficiency        double precision,
    demand            numeric,
    driver            numeric        NOT NULL,
    previous_amount   numeric(19, 2),
    floor_amount      numeric        NOT NULL,
    cap_amount        numeric,
    amount            numeric(19, 2) NOT NULL CHECK (amount >= 0),
    bound             varchar(12)    CHECK (bound IN ('FLOOR', 'CAP', 'PACE_FLOOR', 'PACE_CAP')),
    PRIMARY KEY (hospital_id, plan_id, position),
    UNIQUE (hospital_id, plan_id, unit_code),
    FOREIGN KEY (hospital_id, plan_id) REFERENCES allocation_plan (hospital_id, id)
);
