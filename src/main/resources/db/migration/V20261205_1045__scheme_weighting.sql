-- Where the weights of a scheme version came from (赋权): the weighting assistant's method, its inputs (the
-- indicators in matrix order, the pairwise-comparison matrix, alpha, the published period read for entropy) and
-- what the method gave, kept with the version it was saved in. A version without a row had its weights set by hand.
CREATE TABLE scheme_weighting (
    hospital_id bigint      NOT NULL,
    unit_type   varchar(32) NOT NULL,
    version     integer     NOT NULL,
    method      varchar(16) NOT NULL CHECK (method IN ('AHP', 'ENTROPY', 'COMBINED')),
    content     jsonb       NOT NULL,
    PRIMARY KEY (hospital_id, unit_type, version),
    FOREIGN KEY (hospital_id, unit_type, version) REFERENCES scheme_version (hospital_id, unit_type, version)
);
