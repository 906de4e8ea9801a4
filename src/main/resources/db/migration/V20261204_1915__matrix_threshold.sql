-- Thresholds of the performance–brand matrix (绩效–品牌矩阵) that a hospital fixed for a unit type on the matrix
-- page; without a row the thresholds are the medians of the evaluation's units. hospital_id in the key (adr/0002).
CREATE TABLE matrix_threshold (
    hospital_id bigint        NOT NULL REFERENCES hospital (id),
    unit_type   varchar(32)   NOT NULL,
    performance numeric(5, 2) CHECK (performance BETWEEN 0 AND 100),
    brand       numeric(5, 2) CHECK (brand BETWEEN 0 AND 100),
    set_at      timestamptz   NOT NULL,
    set_by      varchar(64)   NOT NULL,
    PRIMARY KEY (hospital_id, unit_type)
);
