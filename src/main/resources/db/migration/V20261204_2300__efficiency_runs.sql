-- efficiency: stored DEA runs (效率评价) of a period and unit type. A run copies what it was computed from — the
-- model, the measures with their names and units, each unit's code, name and data — so that it never changes when
-- statistics are restated or units renamed; publishing freezes it. hospital_id is part of every key (docs/adr/0002).
CREATE TABLE efficiency_run (
    hospital_id       bigint        NOT NULL REFERENCES hospital (id),
    id                bigint GENERATED ALWAYS AS IDENTITY,
    period            varchar(10)   NOT NULL,
    unit_type         varchar(32)   NOT NULL,
    model             varchar(8)    NOT NULL CHECK (model IN ('CCR', 'BCC')),
    orientation       varchar(8)    NOT NULL CHECK (orientation IN ('INPUT', 'OUTPUT')),
    super_efficiency  boolean       NOT NULL,
    -- [{code, nameZh, nameEn, unit, aggregation}] as the catalogue said when the run was made
    inputs            jsonb         NOT NULL,
    outputs           jsonb         NOT NULL,
    -- units of the type left out for want of data: [{code, name, missing: [measure code]}]
    left_out          jsonb         NOT NULL,
    unit_count        integer       NOT NULL CHECK (unit_count >= 2),
    status            varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    ran_at            timestamptz   NOT NULL,
    ran_by            varchar(64)   NOT NULL,
    published_at      timestamptz,
    published_by      varchar(64),
    PRIMARY KEY (hospital_id, id)
);
CREATE INDEX efficiency_run_period_idx ON efficiency_run (hospital_id, period DESC, id DESC);

-- efficiency: one unit's data and result in a run, in the run's unit order (position, 0-based). Vectors are
-- jsonb arrays in the order of the run's inputs and outputs; peers are [{position, lambda}].
CREATE TABLE efficiency_result (
    hospital_id       bigint           NOT NULL,
    run_id            bigint           NOT NULL,
    position          integer          NOT NULL,
    unit_id           bigint           NOT NULL,
    unit_code         varchar(32)      NOT NULL,
    unit_name         varchar(100)     NOT NULL,
    inputs            jsonb            NOT NULL,
    outputs           jsonb            NOT NULL,
    efficiency        double precision,
    score             double precision NOT NULL,
    radial            double precision NOT NULL,
    technical         double precision NOT NULL,
    pure_technical    double precision NOT NULL,
    scale             double precision NOT NULL,
    returns_to_scale  varchar(3)       NOT NULL CHECK (returns_to_scale IN ('IRS', 'CRS', 'DRS')),
    status            varchar(16)      NOT NULL CHECK (status IN ('EFFICIENT', 'WEAKLY_EFFICIENT', 'INEFFICIENT')),
    input_slacks      jsonb            NOT NULL,
    output_slacks     jsonb            NOT NULL,
    input_targets     jsonb            NOT NULL,
    output_targets    jsonb            NOT NULL,
    peers             jsonb            NOT NULL,
    infeasible        boolean          NOT NULL,
    rank              integer,
    PRIMARY KEY (hospital_id, run_id, position),
    FOREIGN KEY (hospital_id, run_id) REFERENCES efficiency_run (hospital_id, id)
);
