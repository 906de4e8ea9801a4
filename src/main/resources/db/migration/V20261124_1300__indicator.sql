-- Indicator module: a hospital's own indicators next to the built-in catalogue (which lives in code),
-- and every saved version of each unit type's scheme (docs/indicators.md).

CREATE TABLE custom_indicator (
    hospital_id    bigint       NOT NULL REFERENCES hospital (id),
    id             bigint GENERATED ALWAYS AS IDENTITY,
    code           varchar(40)  NOT NULL,
    name_zh        varchar(100) NOT NULL,
    name_en        varchar(100) NOT NULL,
    unit_zh        varchar(20)  NOT NULL,
    unit_en        varchar(20)  NOT NULL,
    direction      varchar(20)  NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    formula        varchar(500) NOT NULL,
    description_zh varchar(500) NOT NULL DEFAULT '',
    description_en varchar(500) NOT NULL DEFAULT '',
    created_at     timestamptz  NOT NULL DEFAULT now(),
    created_by     varchar(64)  NOT NULL,
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, code)
);

-- One row per saved version; the newest is the scheme in force. content holds the whole scheme with the
-- definitions of its indicators copied in, so a version never changes meaning (an evaluation can keep it).
CREATE TABLE scheme_version (
    hospital_id bigint      NOT NULL REFERENCES hospital (id),
    unit_type   varchar(32) NOT NULL,
    version     integer     NOT NULL CHECK (version >= 1),
    content     jsonb       NOT NULL,
    saved_at    timestamptz NOT NULL DEFAULT now(),
    saved_by    varchar(64) NOT NULL,
    PRIMARY KEY (hospital_id, unit_type, version)
);
