-- The region's yearly ranking of performance and brand (年度绩效与品牌排名, docs/region.md): each publication by the
-- region's evaluation centre of a year, kept in the centre (hospital_id is the centre's, a tenant like any hospital).
-- It names the published evaluations it was made of, one per institution type and period; published evaluations
-- never change (a new run is a new version, a new id), so the ranking is frozen by naming them. A later publication
-- of the same year is the next version; the newest is the one read.
CREATE TABLE region_yearly_ranking (
    hospital_id    bigint       NOT NULL REFERENCES hospital (id),
    id             bigserial    NOT NULL,
    year           integer      NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    version        integer      NOT NULL CHECK (version >= 1),
    evaluation_ids bigint[]     NOT NULL,
    published_at   timestamptz  NOT NULL,
    published_by   varchar(64)  NOT NULL,
    PRIMARY KEY (hospital_id, id),
    UNIQUE (hospital_id, year, version)
);
