-- Distinct patients per hospital and period (检查人数, docs/exams.md "Monthly figures"), kept by every batch so that
-- the region's rankings and trends over a quarter or a year never count the records' patients afresh. Only records
-- of catalogue items count, as in the figures.
--
-- exam_patient_year: for each hospital, pseudonymised patient and year, the months (bit 0 = January … bit 11 =
-- December) in which that patient has a record of a catalogue item performed at that hospital's institutions.
-- exam_patient_count: per hospital, year and period — 'M01'…'M12', 'Q1'…'Q4', 'H1', 'H2', 'Y' — how many of those
-- patients have a month in the period. A batch adds a patient to a period's count when its months there were none.
-- Both distributed by hospital_id like every hospital's table; the patient column holds pseudonyms only.
CREATE TABLE exam_patient_year (
    hospital_id  bigint    NOT NULL REFERENCES hospital (id),
    region_id    bigint    NOT NULL REFERENCES region (id),
    patient      char(64)  NOT NULL,
    year         integer   NOT NULL,
    months       integer   NOT NULL CHECK (months > 0 AND months < 4096),
    PRIMARY KEY (hospital_id, region_id, patient, year)
);

CREATE TABLE exam_patient_count (
    hospital_id  bigint      NOT NULL REFERENCES hospital (id),
    region_id    bigint      NOT NULL REFERENCES region (id),
    year         integer     NOT NULL,
    period       varchar(3)  NOT NULL CHECK (period ~ '^(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)$'),
    patients     bigint      NOT NULL CHECK (patients >= 0),
    PRIMARY KEY (hospital_id, region_id, year, period)
);
CREATE INDEX exam_patient_count_region_idx ON exam_patient_count (region_id, year, period);

INSERT INTO exam_patient_year (hospital_id, region_id, patient, year, months)
SELECT r.hospital_id, r.region_id, r.patient, CAST(extract(year FROM r.month) AS integer),
       bit_or(1 << (CAST(extract(month FROM r.month) AS integer) - 1))
FROM exam_record r JOIN exam_item i ON i.region_id = r.region_id AND i.code = r.item
GROUP BY 1, 2, 3, 4;

INSERT INTO exam_patient_count (hospital_id, region_id, year, period, patients)
SELECT y.hospital_id, y.region_id, y.year, p.period, count(*)
FROM exam_patient_year y
JOIN (VALUES ('M01', 1), ('M02', 2), ('M03', 4), ('M04', 8), ('M05', 16), ('M06', 32), ('M07', 64), ('M08', 128),
             ('M09', 256), ('M10', 512), ('M11', 1024), ('M12', 2048), ('Q1', 7), ('Q2', 56), ('Q3', 448),
             ('Q4', 3584), ('H1', 63), ('H2', 4032), ('Y', 4095)) AS p (period, mask)
     ON y.months & p.mask <> 0
GROUP BY 1, 2, 3, 4;
