-- The region's pseudonym of a patient as 16 bytes (PostgreSQL's uuid) instead of 64 hex digits: the first 128 bits
-- of the same HMAC-SHA-256, which are the first 32 of the hex digits stored so far, so that records stored before
-- and after this migration still match. The three largest b-trees of exam intake (exam_record's primary key,
-- exam_record_key's rows and exam_patient_year's primary key) hold the patient; each key shrinks by 48 bytes and
-- compares 16 bytes at most (docs/exams.md, docs/benchmarks.md).
ALTER TABLE exam_record
    ALTER COLUMN patient TYPE uuid USING CAST(substr(patient, 1, 32) AS uuid);
ALTER TABLE exam_record_key
    ALTER COLUMN patient TYPE uuid USING CAST(substr(patient, 1, 32) AS uuid);
ALTER TABLE exam_patient_year
    ALTER COLUMN patient TYPE uuid USING CAST(substr(patient, 1, 32) AS uuid);
