-- Pseudonymised patients and recordIds are compared byte by byte ("C"), not by the database's text collation: the
-- primary keys of exam_record and exam_record_key and exam_patient_year's key are searched and extended thousands of
-- times per batch of exam records, and a b-tree over a libc collation other than "C" calls strcoll for every
-- comparison (and cannot use abbreviated keys when sorting). Pseudonyms are hexadecimal and recordIds are compared
-- only for equality, so no order a person sees changes: for UTF-8 text, byte order is code-point order, which is also
-- what the C.UTF-8 collation gives. The indexes on these columns are rebuilt; the tables are not rewritten.
ALTER TABLE exam_record
    ALTER COLUMN patient TYPE char(64) COLLATE "C",
    ALTER COLUMN record_id TYPE varchar(128) COLLATE "C";
ALTER TABLE exam_record_key
    ALTER COLUMN patient TYPE char(64) COLLATE "C",
    ALTER COLUMN record_id TYPE varchar(128) COLLATE "C";
ALTER TABLE exam_patient_year
    ALTER COLUMN patient TYPE char(64) COLLATE "C";

-- The months the last write of a hospital × patient × year added (a subset of `months`): the batch that adds months
-- reads back `months & ~fresh` as the months known before it, so that keeping the distinct patients per period takes
-- one probe of this table's key per hospital × patient × year instead of a look-up followed by an upsert.
ALTER TABLE exam_patient_year ADD COLUMN fresh integer NOT NULL DEFAULT 0 CHECK (fresh >= 0 AND fresh < 4096);
