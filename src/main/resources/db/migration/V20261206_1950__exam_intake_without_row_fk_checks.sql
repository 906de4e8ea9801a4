-- Exam intake without per-row foreign-key checks (docs/benchmarks.md, "Where an exam batch's time goes"): a batch of
-- 10,000 records checked each row's region and hospital by a trigger query — two for every exam_record row, one
-- for every exam_record_key row and two for every new exam_patient_year row, some 35,000 look-ups of the same two
-- rows under the region's lock. The rows written there name the submitting hospital and its region as the intake
-- finds them for the signed-in account (ExamIntake, never from the request), hospitals and regions are never
-- deleted, and nothing else writes these tables. exam_figure and exam_patient_count (a few rows a batch) keep theirs.
ALTER TABLE exam_record DROP CONSTRAINT exam_record_region_id_fkey;
ALTER TABLE exam_record DROP CONSTRAINT exam_record_hospital_id_fkey;
ALTER TABLE exam_record_key DROP CONSTRAINT exam_record_key_region_id_fkey;
ALTER TABLE exam_patient_year DROP CONSTRAINT exam_patient_year_hospital_id_fkey;
ALTER TABLE exam_patient_year DROP CONSTRAINT exam_patient_year_region_id_fkey;
