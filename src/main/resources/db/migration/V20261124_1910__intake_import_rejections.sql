-- The rejected rows of each import, one row each, with the values as the file gave them, so that the data
-- quality page and the rejections XLSX can show them (docs/intake.md, Data quality). patientId is never
-- kept here: a rejected row's patient id is not pseudonymised, so it is left out altogether.
-- reasons are the validator's English sentences; pages and the XLSX show them in the reader's language.
CREATE TABLE intake_import_rejection (
    hospital_id bigint  NOT NULL,
    import_id   bigint  NOT NULL,
    row_number  integer NOT NULL,
    event_id    text,
    "values"    jsonb   NOT NULL DEFAULT '{}',
    reasons     jsonb   NOT NULL DEFAULT '[]',
    PRIMARY KEY (hospital_id, import_id, row_number),
    FOREIGN KEY (hospital_id, import_id) REFERENCES intake_import (hospital_id, id)
);
